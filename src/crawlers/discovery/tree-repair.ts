import { hasChildren, isTag, type ChildNode, type Element, type ParentNode } from "domhandler";

// cheerio's tree, made safe to read before discovery does. htmlparser2 nests what browsers do
// not: an <a> inside an open <a> (browsers close the first), so a list of unclosed links becomes
// a chain thousands deep, and `<font>` after unclosed `<font>` the same. cheerio's recursive
// readers (`.text()`, `.find()`) then overflow the stack on such a page, or take time squared in
// the chain's length. Two repairs: nested links come apart as a browser parses them, and below
// MAX_DEPTH the tree is flat (a link keeping its text).

export const MAX_DEPTH = 400;

export function repairTree(root: ParentNode, maxDepth = MAX_DEPTH): void {
  unnestLinks(root);
  flattenDeep(root, maxDepth);
}

/**
 * Each <a> inside another <a> moves out, with what follows it in its parent, to just after the
 * outer one: `<a>x<a>y</a>z</a>` reads as `<a>x</a><a>y</a>z`, as in a browser.
 */
function unnestLinks(root: ParentNode): void {
  const nested: [inner: Element, outer: Element][] = [];
  const stack: [ChildNode | ParentNode, Element | undefined][] = [[root, undefined]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, link] = item;
    const isLink = isTag(node) && node.name === "a";
    if (isLink && link) nested.push([node, link]);
    if (hasChildren(node)) {
      const inside = isLink ? node : link;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, inside]);
    }
  }
  for (const [inner, outer] of nested) {
    const from = inner.parent;
    const to = outer.parent;
    if (!from || !to) continue;
    const moving = from.children.splice(from.children.indexOf(inner));
    relink(from.children);
    to.children.splice(to.children.indexOf(outer) + 1, 0, ...moving);
    for (const n of moving) n.parent = to;
    relink(to.children);
  }
}

/** Below maxDepth, each element gets every node beneath it as a direct child, in document order (links keep their content). */
function flattenDeep(root: ParentNode, maxDepth: number): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth >= maxDepth) flatten(node);
    else for (const child of node.children) if (hasChildren(child)) stack.push([child, depth + 1]);
  }
}

/** Every node beneath `node` as its direct child, in document order — but a link keeps its own content (flat within it): its text is its name. */
function flatten(node: ParentNode): void {
  if (!node.children.some((c) => hasChildren(c) && c.children.length > 0)) return;
  const flat: ChildNode[] = [];
  const pending: ChildNode[] = [...node.children].reverse();
  for (let n = pending.pop(); n; n = pending.pop()) {
    flat.push(n);
    if (!hasChildren(n) || n.children.length === 0) continue;
    if (isTag(n) && n.name === "a") {
      flatten(n); // links hold no links any more (unnestLinks): this goes one level down at most
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) pending.push(n.children[i]!);
    n.children = [];
  }
  for (const n of flat) n.parent = node;
  node.children = flat;
  relink(flat);
}

/** Sets the sibling links of a children array. */
function relink(children: ChildNode[]): void {
  children.forEach((n, i) => {
    n.prev = children[i - 1] ?? null;
    n.next = children[i + 1] ?? null;
  });
}
