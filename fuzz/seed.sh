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
# Issue 14: hidden text, a stub JSON-LD description.
printf '<html><body><h1>ML Engineer</h1><p>Train PyTorch models for ranking and retrieval.</p><div style="display:none">React</div><p style="visibility: hidden">Kubernetes</p></body></html>' > corpus/html/hidden.html
printf '<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"T","description":"See below"}</script></head><body><h2>Responsibilities</h2><ul><li>Train PyTorch models for ranking</li></ul></body></html>' > corpus/html/jsonld-stub.html

cp "$root"/samples/*.txt "$root"/samples/*.md corpus/sections/

# CSV seeds: the first byte picks the delimiter (even: comma, odd: tab).
{ printf ','; cat "$root"/samples/manifest.csv; } > corpus/csv_rows/manifest.csv
printf ',id,title,description\n1,ML Engineer,"Train ""models""\nand serve them"\n2,a,b,c\n3,,\n' > corpus/csv_rows/quoted.csv
printf ',id,description\n1,"never closes\n2,x\n' > corpus/csv_rows/open-quote.csv
printf '\x01id\tdescription\n1\tML engineer\n' > corpus/csv_rows/tabs.tsv
printf ',{"id":"a","description":"text"}\n{"url":"https://x.example/1"}\nnot json\n' > corpus/csv_rows/rows.jsonl
# Issue 14: spreadsheet encodings the sniffer decodes, and a semicolon file.
printf ',id,description\n1,Ing\xe9nieur ML caf\xe9 r\xe9sum\xe9\n' > corpus/csv_rows/cp1252.csv
printf ',id,\xb3\xbb\xbf\xeb\n1,\xb8\xd3\xbd\xc5\xb7\xaf\xb4\xd7\n' > corpus/csv_rows/euc-kr.csv
printf ',\xff\xfei\x00d\x00,\x00t\x00e\x00x\x00t\x00\n\x001\x00,\x00M\x00L\x00\n\x00' > corpus/csv_rows/utf16.csv
printf ',id;description\n1;ML engineer\n' > corpus/csv_rows/semicolon.csv

# Pattern seeds: the first byte picks which file the rest replaces, in the
# order of rolefit::rules::FILES.
i=0
for f in modeling backend frontend research none negation sections skills columns; do
  { printf "\\x$(printf '%02x' $i)"; cat "$root/patterns/$f.toml"; } > "corpus/patterns/$f.toml"
  i=$((i + 1))
done

# The template `rolefit profile init` writes, as it stands in crates/rolefit-core/src/profile.rs.
sed -n '/^pub const TEMPLATE: &str = r#"/,/^"#;/p' "$root/crates/rolefit-core/src/profile.rs" | sed '1s/.*r#"//; $d' > corpus/profile/template.toml
printf 'PyTorch, Kubernetes, React and TypeScript' > corpus/profile/inline.txt
printf 'strengths = ["Go", "gRPC"]\npreferred_roles = ["backend", "research"]\n' > corpus/profile/small.toml
echo "seeded: $(ls corpus/* | wc -l) files"
