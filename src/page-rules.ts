/**
 * The page config every frame needs, in a form a content script can read at once: the site rules
 * and the config of a page those rules allow. The background keeps it in `storage.local` under
 * PAGE_RULES_KEY (rewritten whenever the settings or the policy change), so a frame starts from it
 * without waiting for the service worker, whose first policy read after a browser start can take
 * seconds. It holds nothing secret: content scripts may read all of `storage.local`, which is why
 * credentials are kept apart and encrypted there. The background's own answer still follows and
 * always wins.
 */
import { isBoolean, isRecord, isString } from './guards';
import type { PageConfig } from './messages';
import { DETECTION_MODES, type DetectionMode, detectionAllowed, type Settings } from './settings';

export const PAGE_RULES_KEY = 'pageRules';

export interface PageRules {
  readonly detection: Settings['detection'];
  /** The config of a page the site rules allow; on any other page only `enabled` differs. */
  readonly allowed: PageConfig;
}

/** The config for the page at `url` (a frame's own address). */
export function configForUrl(rules: PageRules, url: string): PageConfig {
  return { ...rules.allowed, enabled: rules.allowed.enabled && detectionAllowed(rules.detection, hostOf(url)) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    // Not a URL we understand: a page without a host, which only "everywhere" allows.
    return '';
  }
}

export function parsePageConfig(value: unknown): PageConfig | undefined {
  if (!isRecord(value)) return undefined;
  const { enabled, setUp, defaultCountry, telLinks, sms } = value;
  if (!isBoolean(enabled) || !isString(defaultCountry) || !/^[A-Z]{2}$/.test(defaultCountry)) return undefined;
  return { enabled, setUp: setUp !== false, defaultCountry, telLinks: telLinks !== false, sms: sms === true };
}

/** What was cached, if it is whole and valid; anything else means: wait for the background. */
export function parsePageRules(value: unknown): PageRules | undefined {
  if (!isRecord(value) || !isRecord(value.detection)) return undefined;
  const { mode, sites } = value.detection;
  const allowed = parsePageConfig(value.allowed);
  if (!allowed || !isDetectionMode(mode) || !Array.isArray(sites) || !sites.every(isString)) return undefined;
  return { detection: { mode, sites }, allowed };
}

function isDetectionMode(value: unknown): value is DetectionMode {
  return (DETECTION_MODES as readonly unknown[]).includes(value);
}
