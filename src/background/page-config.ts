/** What a content script needs to run on one page. Never holds credentials. */
import type { PageConfig } from '../messages';
import { activeAccount, detectionAllowed, type Settings } from '../settings';
import { capabilitiesOf } from './accounts';
import { defaultCountryOf } from './country';

export async function pageConfig(url: string, settings: Settings): Promise<PageConfig> {
  return pageConfigFor(url, settings, capabilitiesOf(activeAccount(settings)).sms);
}

/** `sms`: whether the active account can send SMS (the hover card offers it then). */
export function pageConfigFor(url: string, settings: Settings, sms: boolean): PageConfig {
  return {
    enabled: detectionAllowed(settings.detection, hostOf(url)),
    setUp: activeAccount(settings) !== undefined,
    defaultCountry: defaultCountryOf(settings),
    telLinks: settings.telLinks,
    sms,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    // Not a URL we understand: a page without a host, which only "everywhere" allows.
    return '';
  }
}
