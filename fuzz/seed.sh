#!/usr/bin/env bash
# Copies seeds from samples/ (and a few hand-made hostile inputs) into
# fuzz/corpus/<target>/. Run from anywhere; safe to rerun.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/html corpus/sections corpus/csv_rows corpus/patterns corpus/profile

cp "$root"/samples/*.html corpus/html/
printf '<html><body>%s<p>deep</p></body></html>' "$(printf '<div>%.0s' $(seq 1 500))" > corpus/html/deep.html
printf '<script type="application/ld+json">{"@type":"JobPosting","title":"T","description":{"x":1}}</script>' > corpus/html/jsonld-object.html

cp "$root"/samples/*.txt "$root"/samples/*.md corpus/sections/

# CSV seeds: the first byte picks the delimiter (even: comma, odd: tab).
{ printf ','; cat "$root"/samples/manifest.csv; } > corpus/csv_rows/manifest.csv
printf ',id,title,description\n1,ML Engineer,"Train ""models""\nand serve them"\n2,a,b,c\n3,,\n' > corpus/csv_rows/quoted.csv
printf ',id,description\n1,"never closes\n2,x\n' > corpus/csv_rows/open-quote.csv
printf '\x01id\tdescription\n1\tML engineer\n' > corpus/csv_rows/tabs.tsv
printf ',{"id":"a","description":"text"}\n{"url":"https://x.example/1"}\nnot json\n' > corpus/csv_rows/rows.jsonl

# Pattern seeds: the first byte picks which file the rest replaces, in the
# order of rolefit::rules::FILES.
i=0
for f in modeling backend frontend research none negation sections skills; do
  { printf "\\x$(printf '%02x' $i)"; cat "$root/patterns/$f.toml"; } > "corpus/patterns/$f.toml"
  i=$((i + 1))
done

# The template `rolefit profile init` writes, as it stands in src/profile.rs.
sed -n '/^pub const TEMPLATE: &str = r#"/,/^"#;/p' "$root/src/profile.rs" | sed '1s/.*r#"//; $d' > corpus/profile/template.toml
printf 'PyTorch, Kubernetes, React and TypeScript' > corpus/profile/inline.txt
printf 'strengths = ["Go", "gRPC"]\npreferred_roles = ["backend", "research"]\n' > corpus/profile/small.toml
echo "seeded: $(ls corpus/* | wc -l) files"
