//! Parsing HTML with a cap on nesting depth.
//!
//! html5ever's tree builder is quadratic in the nesting depth (every start
//! and end tag scans the stack of open elements) and sets no cap, so a page of
//! 100,000 nested `<div>`s takes minutes. Browsers stop nesting at 512. This
//! parser feeds the page in pieces through a sink that records the depth of
//! every element it inserts, and stops as soon as one is deeper than
//! [`MAX_DEPTH`]: the page is refused with [`TooDeep`] after a bounded amount
//! of work.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};
use scraper::{Html, HtmlTreeSink};

/// The deepest nesting read; twice what browsers build, far beyond real pages.
pub const MAX_DEPTH: usize = 1024;

/// How much of the page is parsed before the depth is checked again. A piece
/// can nest at most a few hundred levels deeper than the last check.
const PIECE_BYTES: usize = 4096;

/// A page nested deeper than [`MAX_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Parses a whole document.
pub fn parse_document(html: &str) -> Result<Html, TooDeep> {
    let parser = driver::parse_document(DepthSink::new(Html::new_document()), ParseOpts::default());
    feed(parser, html)
}

/// Parses a fragment, as the body of a document (like [`Html::parse_fragment`]).
pub fn parse_fragment(html: &str) -> Result<Html, TooDeep> {
    let parser = driver::parse_fragment(
        DepthSink::new(Html::new_fragment()),
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    );
    feed(parser, html)
}

fn feed(mut parser: driver::Parser<DepthSink>, html: &str) -> Result<Html, TooDeep> {
    let mut rest = html;
    while !rest.is_empty() {
        let cut = rest.floor_char_boundary(PIECE_BYTES.min(rest.len()));
        // A piece shorter than one character (never with UTF-8) still advances.
        let cut = if cut == 0 { rest.len() } else { cut };
        let (piece, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(piece));
        if parser.tokenizer.sink.sink.too_deep.get() {
            return Err(TooDeep);
        }
        rest = tail;
    }
    let sink_deep = parser.tokenizer.sink.sink.too_deep.get();
    let html = parser.finish();
    if sink_deep { Err(TooDeep) } else { Ok(html) }
}

/// scraper's sink, plus the depth of each element inserted.
struct DepthSink {
    inner: HtmlTreeSink,
    depth: RefCell<HashMap<NodeId, usize>>,
    too_deep: Cell<bool>,
}

/// What [`DepthSink::finish`] returns: the tree, built as scraper builds it.
impl DepthSink {
    fn new(html: Html) -> DepthSink {
        DepthSink {
            inner: HtmlTreeSink::new(html),
            depth: RefCell::new(HashMap::new()),
            too_deep: Cell::new(false),
        }
    }

    /// The depth of a node: recorded when it was inserted, else counted
    /// (at most one past the cap) from its ancestors in the tree.
    fn depth_of(&self, id: NodeId) -> usize {
        if let Some(&d) = self.depth.borrow().get(&id) {
            return d;
        }
        let html = self.inner.0.borrow();
        html.tree
            .get(id)
            .map_or(0, |n| n.ancestors().take(MAX_DEPTH + 1).count())
    }

    fn placed(&self, child: &NodeOrText<NodeId>, depth: usize) {
        if let NodeOrText::AppendNode(id) = child {
            self.depth.borrow_mut().insert(*id, depth);
            if depth > MAX_DEPTH {
                self.too_deep.set(true);
            }
        }
    }
}

impl TreeSink for DepthSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let depth = self.depth_of(*parent) + 1;
        self.placed(&child, depth);
        self.inner.append(parent, child)
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .inner
            .0
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|n| n.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let depth = self.depth_of(*sibling);
        self.placed(&new_node, depth);
        self.inner.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        // The children's recorded depths go stale; forget them so they are
        // counted from the tree when next asked for.
        let children: Vec<NodeId> = self
            .inner
            .0
            .borrow()
            .tree
            .get(*node)
            .map(|n| n.children().map(|c| c.id()).collect())
            .unwrap_or_default();
        {
            let mut depth = self.depth.borrow_mut();
            for c in &children {
                depth.remove(c);
            }
        }
        self.inner.reparent_children(node, new_parent)
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<p>deep text</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn parses_like_scraper() {
        let page = "<!doctype html><html><head><title>T</title></head><body><h1>A</h1><p>b <b>c</b></p><table><tr><td>x</td></tr></table></body></html>";
        let ours = parse_document(page).unwrap();
        assert_eq!(ours.html(), Html::parse_document(page).html());
        let frag = "<p>a</p><ul><li>b<li>c</ul>";
        assert_eq!(
            parse_fragment(frag).unwrap().html(),
            Html::parse_fragment(frag).html()
        );
    }

    #[test]
    fn depth_up_to_the_cap_is_read() {
        // <html><body> and the <p> add three levels to the divs.
        let doc = parse_document(&nested(MAX_DEPTH - 3)).unwrap();
        assert!(doc.root_element().text().any(|t| t == "deep text"));
    }

    #[test]
    fn deeper_is_refused_quickly() {
        assert_eq!(parse_document(&nested(MAX_DEPTH)).err(), Some(TooDeep));
        let start = std::time::Instant::now();
        assert_eq!(parse_document(&nested(100_000)).err(), Some(TooDeep));
        assert_eq!(
            parse_fragment(&"<ul><li>".repeat(100_000)).err(),
            Some(TooDeep)
        );
        assert_eq!(parse_document(&"<b>x".repeat(100_000)).err(), Some(TooDeep));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
