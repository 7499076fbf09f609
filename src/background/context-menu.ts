/**
 * "Call <selection>" and "Send SMS to <selection>" in the page's context menu. Chrome puts the
 * selected text into the title (`%s`). The SMS item is shown only while the active account can send
 * SMS. Menu items outlive the service worker, so they are (re)created on install and browser start.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

export const MENU_CALL = 'ringback-call-selection';
export const MENU_SMS = 'ringback-sms-selection';

export async function createMenus(sms: boolean): Promise<void> {
  await browser.contextMenus.removeAll();
  create({ id: MENU_CALL, title: t('menuCallSelection'), contexts: ['selection'] });
  create({ id: MENU_SMS, title: t('menuSmsSelection'), contexts: ['selection'], visible: sms });
}

export async function showSmsMenu(sms: boolean): Promise<void> {
  try {
    await browser.contextMenus.update(MENU_SMS, { visible: sms });
  } catch {
    // The menu is not there (created before this version, or removed): build it again.
    await createMenus(sms);
  }
}

type CreateProperties = Parameters<typeof browser.contextMenus.create>[0];

function create(properties: CreateProperties): void {
  // `create` reports a failure (a duplicate id while a previous removeAll races) only through
  // lastError; reading it keeps it from surfacing as an unchecked error.
  browser.contextMenus.create(properties, () => void browser.runtime.lastError);
}
