/**
 * What a content script needs to run on one page. Never holds credentials. Every frame starts
 * from the cached rules (src/page-rules.ts) and then gets this answer, which wins.
 */
import type { PageConfig } from '../messages';
import { configForUrl, type PageRules } from '../page-rules';
import { activeAccount, type Settings } from '../settings';
import { capabilitiesOf } from './accounts';
import { defaultCountryOf } from './country';

export async function pageConfig(url: string, settings: Settings): Promise<PageConfig> {
  return pageConfigFor(url, settings, smsCapable(settings));
}

/** `sms`: whether the active account can send SMS (the hover card offers it then). */
export function pageConfigFor(url: string, settings: Settings, sms: boolean): PageConfig {
  return configForUrl(pageRulesFor(settings, sms), url);
}

/** The site rules and the config of a page they allow: what every frame's config is made from. */
export function pageRulesFor(settings: Settings, sms: boolean): PageRules {
  return {
    detection: settings.detection,
    allowed: {
      enabled: true,
      setUp: activeAccount(settings) !== undefined,
      defaultCountry: defaultCountryOf(settings),
      telLinks: settings.telLinks,
      sms,
    },
  };
}

export function smsCapable(settings: Settings): boolean {
  return capabilitiesOf(activeAccount(settings)).sms;
}
