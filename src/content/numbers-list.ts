/**
 * The popup's "numbers on this page": each number once, in the order a reader meets them, shadow
 * roots placed where their host is. Same-origin frames run their own content script; the top
 * frame asks them through a function each one puts on its window in the extension's isolated
 * world, which the page's own scripts cannot see. Firefox keeps each frame's content script in a
 * sandbox of its own, where that function is not visible: there the frame is asked through the
 * background instead.
 */
import { isPageNumber, type PageNumber } from '../messages';
import { isElement, isText } from './dom-rules';
import { nextTask } from './idle';
import type { PageNumbers } from './page-numbers';

const FRAME_HOOK = '__ringbackPageNumbers';
/** The longest piece of the walk in one task. */
const SLICE_MS = 8;

type Hook = () => Promise<PageNumber[]>;

/**
 * Asks the background for one frame's numbers, where the frame's hook cannot be seen (Firefox).
 * Passed in by the caller so this module needs no extension API of its own: the first stage loads
 * it in every frame, and `wxt/browser` would bring the polyfill with it.
 */
export type FrameAsker = (frame: Element) => Promise<unknown>;

/** This frame's numbers, then those of its frames (in frame order) not seen yet. */
export async function listNumbers(own: Promise<readonly PageNumber[]>, askFrame: FrameAsker): Promise<PageNumber[]> {
  const all = [...(await own)];
  const seen = new Set(all.map((n) => n.e164));
  for (const frame of document.querySelectorAll('iframe, frame')) {
    for (const number of await frameNumbers(frame, askFrame)) {
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

/**
 * This frame's numbers in reading order. One walk over the page puts them in order (sorting by
 * DOM position would compare nodes, which in Chromium walks sibling lists: seconds on a
 * 10,000-row table). The walk itself takes a few hundred ms on such a page, so it runs in short
 * tasks; the popup waits for the answer, the page does not.
 */
export async function ownNumbers(numbers: PageNumbers, shadowRoots: boolean): Promise<PageNumber[]> {
  const list: PageNumber[] = [];
  if (numbers.size === 0) return list;
  const seen = new Set<string>();
  const show = shadowRoots ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT : NodeFilter.SHOW_TEXT;
  const walkers = [document.createTreeWalker(document.documentElement, show)];
  let deadline = performance.now() + SLICE_MS;
  let count = 0;
  while (walkers.length > 0) {
    if (++count % 256 === 0 && performance.now() > deadline) {
      await nextTask();
      deadline = performance.now() + SLICE_MS;
    }
    const walker = walkers[walkers.length - 1];
    const node = walker?.nextNode();
    if (!node) {
      walkers.pop();
      continue;
    }
    if (isElement(node)) {
      // A shadow root's text is read where its host stands.
      if (node.shadowRoot) walkers.push(document.createTreeWalker(node.shadowRoot, show));
      continue;
    }
    if (!isText(node)) continue;
    const here = numbers.inNode(node).filter((f) => f.nodes[0] === node);
    if (here.length > 1) here.sort((a, b) => a.range.startOffset - b.range.startOffset);
    for (const { match, text } of here) {
      if (seen.has(match.e164)) continue;
      seen.add(match.e164);
      list.push({
        e164: match.e164,
        international: match.international,
        text,
        ...(match.country ? { country: match.country } : {}),
        ...(match.extension ? { extension: match.extension } : {}),
      });
    }
  }
  return list;
}

async function frameNumbers(frame: Element, askFrame: FrameAsker): Promise<PageNumber[]> {
  // A cross-origin frame (no document to read from here): its numbers stay its own.
  if (!(frame as HTMLIFrameElement).contentDocument) return [];
  try {
    const view = (frame as HTMLIFrameElement).contentWindow as (Window & { [FRAME_HOOK]?: unknown }) | null;
    const hook = view?.[FRAME_HOOK];
    const result: unknown = typeof hook === 'function' ? await hook() : await askFrame(frame);
    return Array.isArray(result) ? result.filter(isPageNumber) : [];
  } catch {
    return [];
  }
}
