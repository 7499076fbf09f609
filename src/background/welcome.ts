/**
 * The first minute: a new install opens the welcome screen of the options page (pick a provider,
 * sign in, test, pick the phone that rings), and so does the card's "Set up Ringback" before an
 * account exists. An install that already has an account (an administrator's policy) opens nothing.
 */
import { browser } from 'wxt/browser';
import { activeAccount } from '../settings';
import { loadSettings } from './managed';

/** The options page opened at its welcome screen (entrypoints/options reads the hash). */
export const WELCOME_PATH = '/options.html#welcome';

export async function welcomeOnInstall(reason: string): Promise<void> {
  if (reason !== 'install') return;
  if (activeAccount(await loadSettings())) return;
  await openWelcome();
}

/** Brings an open welcome tab to the front, or opens one. */
export async function openWelcome(): Promise<void> {
  const url = browser.runtime.getURL(WELCOME_PATH);
  const [open] = (await optionsTabs()).filter((tab) => tab.url === url);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

/**
 * Tabs showing the options page. Where the browser ignores the URL filter or hides tab URLs, the
 * caller's own check of each tab's URL keeps it from picking another tab.
 */
async function optionsTabs() {
  try {
    return await browser.tabs.query({ url: browser.runtime.getURL('/options.html') });
  } catch {
    return [];
  }
}
