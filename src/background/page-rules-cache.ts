/**
 * Keeps the page rules content scripts start from (src/page-rules.ts) in step with the settings
 * as they apply, policy included. Written after every settings or policy change, and checked
 * whenever a frame's config is worked out anyway, so a stale or missing copy lives at most until
 * the next frame asks. Nothing secret goes in: content scripts read it.
 */
import { browser } from 'wxt/browser';
import { PAGE_RULES_KEY } from '../page-rules';
import type { Settings } from '../settings';
import { exclusive } from './exclusive';
import { pageRulesFor, smsCapable } from './page-config';

/** Writes only what changed (most checks find the copy current); the last settings read win. */
export function cachePageRules(settings: Settings): Promise<void> {
  const rules = pageRulesFor(settings, smsCapable(settings));
  return exclusive(PAGE_RULES_KEY, async () => {
    const stored = (await browser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY];
    if (JSON.stringify(stored) !== JSON.stringify(rules)) await browser.storage.local.set({ [PAGE_RULES_KEY]: rules });
  });
}
