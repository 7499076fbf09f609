/**
 * One step of a skip-aware walk: into `node`'s subtree when `enter`, else past it to the next
 * sibling of it or of its nearest ancestor. The first stage's digit look and the scan job walk the
 * same way, so both use this (it is small enough for the first stage).
 */
export function walkStep(walker: TreeWalker, node: Node, enter: boolean): Node | null {
  walker.currentNode = node;
  if (enter) return walker.nextNode();
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
