/**
 * Translated text by message key. Keys travel as plain strings (provider errors, call phases), so
 * this is the one place that turns them into text; a missing key shows as itself rather than an
 * empty label.
 */
import { browser } from 'wxt/browser';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: string, substitutions?: readonly string[]): string {
  const text = browser.i18n.getMessage(key as MessageKey, substitutions ? [...substitutions] : undefined);
  return text || key;
}
