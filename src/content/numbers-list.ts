/**
 * The popup's "numbers on this page": each number once, in the order a reader meets them, shadow
 * roots placed where their host is. Same-origin frames run their own content script; the top
 * frame asks them through a function each one puts on its window in the extension's isolated
 * world, which the page's own scripts cannot see.
 */
import type { PageNumber } from '../messages';
import { isShadowRoot } from './dom-rules';
import type { FoundNumber, PageNumbers } from './page-numbers';

const FRAME_HOOK = '__ringbackPageNumbers';

type Hook = () => PageNumber[];

/** This frame's numbers, then those of its frames (in frame order) not seen yet. */
export function listNumbers(own: readonly PageNumber[]): PageNumber[] {
  const seen = new Set(own.map((n) => n.e164));
  const all = [...own];
  for (const frame of document.querySelectorAll('iframe, frame')) {
    for (const number of frameNumbers(frame)) {
      if (seen.has(number.e164)) continue;
      seen.add(number.e164);
      all.push(number);
    }
  }
  return all;
}

/** Lets the parent frame's content script ask this frame for its numbers. */
export function exposeToParent(list: Hook): void {
  if (window.top === window) return;
  Object.defineProperty(window, FRAME_HOOK, { value: list, configurable: true });
}

export function ownNumbers(numbers: PageNumbers): PageNumber[] {
  const found = [...numbers.all()].filter((f) => f.range.startContainer.isConnected);
  found.sort((a, b) => compareInPage(a, b));
  const seen = new Set<string>();
  const list: PageNumber[] = [];
  for (const { match, text } of found) {
    if (seen.has(match.e164)) continue;
    seen.add(match.e164);
    list.push({ e164: match.e164, international: match.international, text });
  }
  return list;
}

function frameNumbers(frame: Element): PageNumber[] {
  try {
    const view = (frame as HTMLIFrameElement).contentWindow as (Window & { [FRAME_HOOK]?: unknown }) | null;
    const hook = view?.[FRAME_HOOK];
    if (typeof hook !== 'function') return [];
    const result: unknown = hook();
    return Array.isArray(result) ? result.filter(isPageNumber) : [];
  } catch {
    // A cross-origin frame: its numbers stay its own.
    return [];
  }
}

function isPageNumber(value: unknown): value is PageNumber {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.e164 === 'string' && typeof v.international === 'string' && typeof v.text === 'string';
}

/** Document order across shadow roots: compare where each sits in the outermost tree first. */
function compareInPage(a: FoundNumber, b: FoundNumber): number {
  const pathA = treePath(a.range.startContainer);
  const pathB = treePath(b.range.startContainer);
  for (let i = 0; i < Math.min(pathA.length, pathB.length); i++) {
    const x = pathA[i];
    const y = pathB[i];
    if (!x || !y || x === y) continue;
    const position = x.compareDocumentPosition(y);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  if (pathA.length !== pathB.length) return pathA.length - pathB.length;
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}

/** The node's stand-in in each tree from the document down: [host in document, …, node]. */
function treePath(node: Node): Node[] {
  const path: Node[] = [node];
  for (let root = node.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) path.unshift(root.host);
  return path;
}
