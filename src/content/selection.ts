/**
 * The user's selection, for "Call selection" / "Send SMS to selection" and the keyboard command.
 * Text selected inside a form field is read from the field (the page selection does not hold
 * it). The background normalises whatever is sent; when the selection is a longer text holding
 * exactly one number, only that number is sent.
 */
import { type CountryCode, findPhoneNumbers } from '../phone';
import { deepActiveElement, focusedHere } from './focus';

/** The contract's limit for a number in a message. */
const MAX_LENGTH = 200;

export interface SelectedText {
  readonly text: string;
  /** Where the selection is, for the card. */
  readonly anchor: () => DOMRect | undefined;
}

/**
 * The selection of this frame, if this frame is where the user is: the command goes to every
 * frame, and only the focused one may act (so a call is never placed twice).
 */
export function readSelection(defaultCountry: CountryCode): SelectedText | undefined {
  if (!focusedHere()) return undefined;
  const active = deepActiveElement();
  const field = active && fieldSelection(active);
  if (field) return { text: numberIn(field.text, defaultCountry), anchor: () => field.element.getBoundingClientRect() };
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const text = selection.toString();
  if (text.trim() === '') return undefined;
  const range = selection.getRangeAt(0).cloneRange();
  return { text: numberIn(text, defaultCountry), anchor: () => range.getBoundingClientRect() };
}

/** One number found in a longer text is sent alone; otherwise the text (trimmed) as selected. */
export function numberIn(text: string, defaultCountry: CountryCode): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const matches = findPhoneNumbers(trimmed, { defaultCountry });
  const only = matches.length === 1 ? matches[0] : undefined;
  const chosen = only ? trimmed.slice(only.start, only.end) : trimmed;
  return chosen.slice(0, MAX_LENGTH);
}

function fieldSelection(element: Element): { text: string; element: Element } | undefined {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return undefined;
  if (element instanceof HTMLInputElement && element.type === 'password') return undefined;
  const { selectionStart, selectionEnd, value } = element;
  if (selectionStart === null || selectionEnd === null || selectionStart === selectionEnd) return undefined;
  const text = value.slice(selectionStart, selectionEnd);
  return text.trim() === '' ? undefined : { text, element };
}
