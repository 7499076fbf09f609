/**
 * What the background does around calls: page config and its live updates, the context menu and
 * the keyboard command, SMS, the popup's state and history.
 */

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_CALL, MENU_SMS } from '../../../src/background/context-menu';
import type { HistoryEntry, PageConfig, PopupState, SettingsView } from '../../../src/messages';
import { configForUrl, PAGE_RULES_KEY, parsePageRules } from '../../../src/page-rules';
import {
  CRM_PAGE,
  configure,
  FONIAL_EVN_CALL,
  FONIAL_LOGIN,
  fonialAccount,
  OPTIONS_TAB,
  SIPGATE_LOGIN,
  send,
  sipgateAccount,
  useBackground,
  value,
} from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();

const useSipgate = () => configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN });

describe('page config', () => {
  it('tells a page whether to run, and never anything secret', async () => {
    const config = await value<PageConfig>({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE);
    expect(config).toEqual({ enabled: true, setUp: true, defaultCountry: 'DE', telLinks: true, sms: false });
    await useSipgate();
    expect((await value<PageConfig>({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE)).sms).toBe(true);
  });

  it('sends every open page its new config when settings change', async () => {
    await value({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE);
    const { settings } = await value<SettingsView>({ type: 'get-settings' }, OPTIONS_TAB);
    await value(
      { type: 'save-settings', settings: { ...settings, detection: { mode: 'only-listed', sites: ['odoo.com'] } } },
      OPTIONS_TAB,
    );
    await vi.waitFor(() => expect(env.browser.tabMessages).toHaveLength(1));
    expect(env.browser.tabMessages[0]).toEqual([
      CRM_PAGE.tab.id,
      { type: 'config-changed', config: expect.objectContaining({ enabled: false }) },
      { frameId: 0 },
    ]);
  });
});

describe('page rules every frame starts from', () => {
  async function cachedRules() {
    return parsePageRules((await fakeBrowser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY]);
  }

  it('are cached when a frame asks, give each page the config the background gives it, and hold no secret', async () => {
    const config = await value<PageConfig>({ type: 'page-config', url: CRM_PAGE.url }, CRM_PAGE);
    const rules = await vi.waitFor(async () => (await cachedRules()) ?? Promise.reject(new Error('not cached')));
    expect(configForUrl(rules, CRM_PAGE.url)).toEqual(config);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(PAGE_RULES_KEY));
    expect(stored).not.toContain(FONIAL_LOGIN.password);
    expect(stored).not.toContain(FONIAL_LOGIN.username);
  });

  it('follow a settings change without any frame asking', async () => {
    const { settings } = await value<SettingsView>({ type: 'get-settings' }, OPTIONS_TAB);
    await value(
      { type: 'save-settings', settings: { ...settings, detection: { mode: 'only-listed', sites: ['odoo.com'] } } },
      OPTIONS_TAB,
    );
    await vi.waitFor(async () => expect((await cachedRules())?.detection.sites).toEqual(['odoo.com']));
    const rules = await cachedRules();
    expect(rules && configForUrl(rules, CRM_PAGE.url).enabled).toBe(false);
    expect(rules && configForUrl(rules, 'https://eu.odoo.com/web').enabled).toBe(true);
  });
});

describe('context menu and keyboard command', () => {
  it('offers "Call <selection>", and "Send SMS" only for an account that can', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(env.browser.menus.size).toBe(2));
    expect(env.browser.menus.get(MENU_CALL)).toMatchObject({ title: 'menuCallSelection', contexts: ['selection'] });
    expect(env.browser.menus.get(MENU_SMS)).toMatchObject({ visible: false });
    await useSipgate();
    await vi.waitFor(() => expect(env.browser.menus.get(MENU_SMS)).toMatchObject({ visible: true }));
  });

  it('calls the selected text, logged against the page it was selected on', async () => {
    await env.browser.menuClicked.fire(
      { menuItemId: MENU_CALL, selectionText: ' 0221 669669-66 ', pageUrl: CRM_PAGE.url },
      CRM_PAGE.tab,
    );
    await vi.waitFor(() =>
      expect(env.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+4922166966966' })]),
    );
    const [entry] = await value<readonly HistoryEntry[]>({ type: 'history' });
    expect(entry?.origin).toEqual({
      title: 'ACME GmbH — Contact',
      host: 'crm.example',
      url: 'https://crm.example/contacts/42',
    });
  });

  it('asks the active page for its selection when the shortcut is pressed', async () => {
    await env.browser.command.fire('call-selection', CRM_PAGE.tab);
    expect(env.browser.tabMessages).toEqual([[CRM_PAGE.tab.id, { type: 'selection-action', action: 'call' }]]);
  });
});

describe('SMS', () => {
  it('sends through an account that can, and logs it', async () => {
    await useSipgate();
    expect(await send({ type: 'send-sms', recipient: '0151 23456789', message: 'Rückruf um 15 Uhr?' })).toEqual({
      ok: true,
      value: null,
    });
    expect(env.sim.sipgate.sms).toEqual([
      expect.objectContaining({ recipient: '+4915123456789', message: 'Rückruf um 15 Uhr?', smsId: 's0' }),
    ]);
    expect((await value<readonly HistoryEntry[]>({ type: 'history' }))[0]).toMatchObject({
      kind: 'sms',
      number: '+4915123456789',
      outcome: 'sent',
    });
  });

  it('refuses a message over the limit, an empty one, or an account without SMS before sending', async () => {
    expect(await send({ type: 'send-sms', recipient: '0151 23456789', message: 'x' })).toEqual({
      ok: false,
      reason: 'errSmsUnsupported',
    });
    await useSipgate();
    expect(await send({ type: 'send-sms', recipient: '0151 23456789', message: 'a'.repeat(461) })).toEqual({
      ok: false,
      reason: 'errSmsTooLong',
      details: ['461', '460'],
    });
    expect(await send({ type: 'send-sms', recipient: '0151 23456789', message: '  ' })).toMatchObject({
      reason: 'errSmsEmpty',
    });
    expect(env.sim.received('sipgate', '/sessions/sms')).toHaveLength(0);
  });

  it('hands a number from a page to the popup once', async () => {
    await useSipgate();
    expect(await send({ type: 'compose-sms', number: '0151 23456789' }, CRM_PAGE)).toEqual({ ok: true, value: null });
    expect(env.browser.windows).toEqual([expect.stringContaining('popup.html?tab=7')]);
    expect((await value<PopupState>({ type: 'popup-state' })).smsRecipient).toBe('+4915123456789');
    expect((await value<PopupState>({ type: 'popup-state' })).smsRecipient).toBeUndefined();
  });
});

describe('popup state', () => {
  it('lists devices once and reuses the listing for a while', async () => {
    const state = await value<PopupState>({ type: 'popup-state' });
    expect(state).toMatchObject({
      account: { id: 'office', provider: 'fonial', capabilities: { devices: true, sms: false } },
      connection: { status: 'ok', label: 'Office fonial' },
      choice: { deviceId: '674' },
      defaultCountry: 'DE',
    });
    expect(state.devices).toHaveLength(2);
    await value({ type: 'popup-state' });
    expect(env.sim.received('fonial', '/devices/get')).toHaveLength(1);
  });

  it('says why the provider cannot be reached instead of failing', async () => {
    await configure([fonialAccount(env.sim)], { office: { ...FONIAL_LOGIN, password: 'wrong' } });
    expect((await value<PopupState>({ type: 'popup-state' })).connection).toMatchObject({
      status: 'error',
      reason: 'errAuth',
    });
    await configure([], {});
    expect((await value<PopupState>({ type: 'popup-state' })).connection).toEqual({ status: 'unconfigured' });
  });
});

describe('history', () => {
  it("merges the provider's records and clears everything in one action", async () => {
    env.sim.fonial.evn.push(FONIAL_EVN_CALL);
    await value({ type: 'call', number: '0221 66966966' });
    const entries = await value<readonly HistoryEntry[]>({ type: 'history' });
    expect(entries.map((e) => e.number).sort()).toEqual(['+3225551212', '+4922166966966']);

    await value({ type: 'clear-history' });
    expect(await value({ type: 'history' })).toEqual([]);
  });
});
