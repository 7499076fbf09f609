/** The service worker: wires the message router to the features. Holds no state of its own. */
import { browser } from 'wxt/browser';
import type { PageConfig, Request } from '../messages';
import { activeAccount, detectionAllowed } from '../settings';
import { defaultCountryOf, placeCall } from './calls';
import { createRouter } from './router';
import { loadSettings } from './storage';

export function startBackground(): void {
  const route = createRouter(handle, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'call':
      return placeCall(request);
    case 'page-config':
      return pageConfig(request.url);
    case 'compose-sms':
      return null;
    default:
      throw new Error(`no handler for ${request.type}`);
  }
}

async function pageConfig(url: string): Promise<PageConfig> {
  const settings = await loadSettings();
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL we understand: treat as a page without a host.
  }
  return {
    enabled: activeAccount(settings) !== undefined && detectionAllowed(settings.detection, host),
    defaultCountry: defaultCountryOf(settings),
    telLinks: settings.telLinks,
    sms: false,
  };
}
