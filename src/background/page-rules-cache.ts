/**
 * Keeps the page rules content scripts start from (src/page-rules.ts) in step with the settings
 * as they apply, policy included. Written after every settings or policy change and checked
 * whenever a frame's config is worked out anyway, so a stale copy lives at most until the next
 * page asks. Nothing secret goes in: content scripts read it.
 */
import { browser } from 'wxt/browser';
import { PAGE_RULES_KEY } from '../page-rules';
import type { Settings } from '../settings';
import { exclusive } from './exclusive';
import { pageRulesFor, smsCapable } from './page-config';

/** What this worker last wrote or found stored: most checks then cost no storage read. */
let known: string | undefined;

/** Settings read at different times may be cached in any order; writes queue, so the last read wins. */
export function cachePageRules(settings: Settings): Promise<void> {
  const rules = JSON.stringify(pageRulesFor(settings, smsCapable(settings)));
  return exclusive(PAGE_RULES_KEY, async () => {
    if (rules === known) return;
    const stored = (await browser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY];
    if (JSON.stringify(stored) !== rules) await browser.storage.local.set({ [PAGE_RULES_KEY]: JSON.parse(rules) });
    known = rules;
  });
}
