/**
 * Which parts of a page are scanned and how its text joins into runs. Decided from tag names and
 * attributes only: asking for computed styles here would force style recalculation on every node.
 */

/** The tag of Ringback's one host element (its UI lives in that element's shadow root). */
export const HOST_TAG = 'ringback-ui';

/**
 * Never scanned: code, form fields (what the user types is theirs), embedded documents (frames
 * get their own content script), Ringback's own UI.
 */
const SKIPPED_TAGS = new Set([
  HOST_TAG,
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Elements that flow inside a line of text: their text joins the text around them into one run. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** True when the element and everything inside it is left alone. */
export function isSkippedElement(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName) || isSkippedByAttribute(element);
}

/**
 * An element with its own `dir` is a bidirectional isolate (HTML's rendering rules): its text is
 * laid out apart from the text around it, in its own direction (`<span dir="ltr">03 612 0456</span>`
 * in a right-to-left paragraph is shown as written). It is a run of its own, so the detector reads
 * it in its own direction rather than the paragraph's.
 */
export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName) && !element.hasAttribute('dir');
}

/**
 * What a walk does with an element: steps over it (`skipped`), joins its text into the run
 * (`inline`), or ends the run there (`block`). One tag read, where asking `isSkippedElement` and
 * `isInlineElement` reads it twice: a content script pays for every call into the page's DOM.
 */
export function elementRole(element: Element): 'skipped' | 'inline' | 'block' {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag) || isSkippedByAttribute(element)) return 'skipped';
  return INLINE_TAGS.has(tag) ? 'inline' : 'block';
}

/** `hidden`, or editable (`contenteditable` other than `false`). */
function isSkippedByAttribute(element: Element): boolean {
  // Most elements of a big table have no attributes at all: one call answers for them.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** The parent, stepping from a shadow root to its host. */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent) return parent;
  return isShadowRoot(node) ? node.host : null;
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === Node.TEXT_NODE;
}

/**
 * The nearest ancestor that is not an inline element: the block a text run lives in. Text runs
 * never cross it.
 */
export function blockContainerOf(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent && isElement(parent) && isInlineElement(parent)) parent = parent.parentNode;
  return parent;
}

/** Whether the node sits in (or is) a region that is never scanned, shadow boundaries included. */
export function isInSkippedRegion(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (isElement(current) && isSkippedElement(current)) return true;
  }
  return false;
}

/**
 * The first node of the text run `node` belongs to: stepping back over adjacent text and inline
 * elements and out of inline parents, never past `container`.
 */
export function runStartOf(node: Node, container: Node): Node {
  let start = node;
  for (;;) {
    let previous = start.previousSibling;
    while (previous && joinsRun(previous)) {
      start = previous;
      previous = start.previousSibling;
    }
    const parent = start.parentNode;
    if (!previous && parent && parent !== container && isElement(parent) && isInlineElement(parent)) {
      start = parent;
      continue;
    }
    return start;
  }
}

/** The node after `node`'s subtree in document order, within `root` (null at the end of root). */
export function nodeAfter(node: Node, root: Node): Node | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

function joinsRun(node: Node): boolean {
  if (isText(node)) return true;
  return isElement(node) && isInlineElement(node);
}
