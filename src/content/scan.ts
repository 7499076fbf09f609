/**
 * Walks a subtree's text and registers every phone number found in it. Text that users edit, code,
 * hidden content and Ringback's own UI are skipped.
 */
import { type CountryCode, findPhoneNumbers } from '../phone';
import type { PageNumbers } from './page-numbers';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
]);
/** Cheapest possible pre-filter: a text node with fewer than this many digits holds no number. */
const MIN_DIGITS = 6;

export function scanSubtree(root: Node, numbers: PageNumbers, defaultCountry: CountryCode, skip: Element | null): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (isScannable(node, skip) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (countDigits(text) < MIN_DIGITS) continue;
    for (const match of findPhoneNumbers(text, { defaultCountry })) {
      const range = document.createRange();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      numbers.add(range, match);
    }
  }
}

function isScannable(node: Node, skip: Element | null): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el === skip || SKIPPED_TAGS.has(el.tagName) || el.isContentEditable || el.hidden) return false;
  }
  return true;
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length && digits < MIN_DIGITS; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}
