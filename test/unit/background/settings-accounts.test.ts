/**
 * Settings, accounts, the administrator's policy and settings files, through the background's
 * messages on WXT's fake browser (providers against the simulator).
 */

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallReport, HistoryEntry, ImportResult, SettingsView } from '../../../src/messages';
import type { Settings } from '../../../src/settings';
import { FONIAL_EVN_CALL, FONIAL_LOGIN, fonialAccount, OPTIONS_TAB, send, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();

const view = () => value<SettingsView>({ type: 'get-settings' }, OPTIONS_TAB);
const logins = () => env.sim.received('fonial', '/session/authenticate').length;
const stored = async () => fakeBrowser.storage.local.get(null);

describe('settings', () => {
  it('shows settings and which accounts have a login, never the login itself', async () => {
    const shown = await view();
    expect(shown).toMatchObject({ locked: [], withCredentials: ['office'] });
    expect(shown.settings.accounts.map((a) => a.id)).toEqual(['office']);
    expect(JSON.stringify(shown)).not.toContain(FONIAL_LOGIN.password);
  });

  it('saves everything but accounts, and refuses invalid values without changing anything', async () => {
    const { settings } = await view();
    await value({ type: 'save-settings', settings: { ...settings, telLinks: false, accounts: [] } }, OPTIONS_TAB);
    const saved = (await view()).settings;
    expect(saved.telLinks).toBe(false);
    expect(saved.accounts).toHaveLength(1);

    const reply = await send(
      { type: 'save-settings', settings: { ...saved, confirmCalls: 'sometimes', telLinks: true } },
      OPTIONS_TAB,
    );
    expect(reply).toEqual({ ok: false, reason: 'errInvalidSettings', details: ['confirmCalls'] });
    expect((await view()).settings.telLinks).toBe(false);
  });

  it('keeps credentials in local storage only, sealed', async () => {
    await value(
      { type: 'save-account', account: fonialAccount(env.sim, { id: 'second' }), credentials: FONIAL_LOGIN },
      OPTIONS_TAB,
    );
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(FONIAL_LOGIN.password);
    const local = await stored();
    expect(Object.keys(local.logins as object).sort()).toEqual(['office', 'second']);
    expect(local).not.toHaveProperty('credentials');
    expect(JSON.stringify(local)).not.toContain(FONIAL_LOGIN.password);
    expect((await view()).withCredentials).toEqual(['office', 'second']);
  });
});

describe('accounts', () => {
  it('adds an account, and a changed login starts a new session', async () => {
    await value({ type: 'call', number: '0221 66966966' });
    expect(logins()).toBe(1);
    await value({ type: 'save-account', account: fonialAccount(env.sim, { label: 'Renamed' }) }, OPTIONS_TAB);
    await value({ type: 'call', number: '0221 66966966' });
    expect(logins()).toBe(1);

    await value(
      { type: 'save-account', account: fonialAccount(env.sim), credentials: { ...FONIAL_LOGIN, password: 'wrong' } },
      OPTIONS_TAB,
    );
    expect(await value<CallReport>({ type: 'call', number: '0221 66966966' })).toMatchObject({
      phase: 'failed',
      reason: 'errAuth',
    });
    expect(logins()).toBe(2);
  });

  it('removes an account with its login and switches to the next one', async () => {
    await value(
      { type: 'save-account', account: fonialAccount(env.sim, { id: 'second' }), credentials: FONIAL_LOGIN },
      OPTIONS_TAB,
    );
    await value({ type: 'remove-account', accountId: 'office' }, OPTIONS_TAB);
    const shown = await view();
    expect(shown.settings.accounts.map((a) => a.id)).toEqual(['second']);
    expect(shown.settings.activeAccountId).toBe('second');
    expect(Object.keys((await stored()).logins as object)).toEqual(['second']);
  });

  it('switches the active account only to one that exists', async () => {
    await value(
      { type: 'save-account', account: fonialAccount(env.sim, { id: 'second' }), credentials: FONIAL_LOGIN },
      OPTIONS_TAB,
    );
    await value({ type: 'set-active-account', accountId: 'second' }, OPTIONS_TAB);
    expect((await view()).settings.activeAccountId).toBe('second');
    expect(await send({ type: 'set-active-account', accountId: 'nope' }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errUnknownAccount',
    });
  });

  it('tests a draft account without saving it', async () => {
    const draft = fonialAccount(env.sim, { id: 'draft' });
    expect(await value({ type: 'test-connection', account: draft, credentials: FONIAL_LOGIN }, OPTIONS_TAB)).toEqual({
      label: FONIAL_LOGIN.username,
      devices: [
        { id: '23', name: 'Telefon Martin Mustermann' },
        { id: '674', name: 'Telefon Bettina Beispiel' },
      ],
    });
    expect(
      await send(
        { type: 'test-connection', account: draft, credentials: { ...FONIAL_LOGIN, password: 'nope' } },
        OPTIONS_TAB,
      ),
    ).toMatchObject({ ok: false, reason: 'errAuth' });
    expect((await view()).settings.accounts.map((a) => a.id)).toEqual(['office']);
    expect(await send({ type: 'test-connection', account: { id: 'x', provider: 'nokia' } }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errInvalidAccount',
    });
  });
});

describe("the administrator's policy (managed storage)", () => {
  it('applies and locks what the policy sets, and refuses changes to it', async () => {
    await fakeBrowser.storage.managed.set({ confirmCalls: 'always', defaultCountry: 'BE' });
    const shown = await view();
    expect([...shown.locked].sort()).toEqual(['confirmCalls', 'defaultCountry']);
    expect(shown.settings.confirmCalls).toBe('always');
    // Belgium is home now, so a German number is international; every call is confirmed anyway.
    expect(await value<CallReport>({ type: 'call', number: '+49 221 66966966' })).toMatchObject({
      phase: 'confirm',
      reason: 'confirmReasonInternational',
    });

    expect(
      await send({ type: 'save-settings', settings: { ...shown.settings, confirmCalls: 'never' } }, OPTIONS_TAB),
    ).toEqual({ ok: false, reason: 'errLockedSetting', details: ['confirmCalls'] });
    // Saving the unlocked rest works while the locked values come back unchanged.
    await value({ type: 'save-settings', settings: { ...shown.settings, telLinks: false } }, OPTIONS_TAB);
    expect((await view()).settings).toMatchObject({ telLinks: false, confirmCalls: 'always' });
  });

  it('sets up accounts each user only logs in to, keeping their own phone choice', async () => {
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.managed.set({
      accounts: [{ id: 'company', provider: 'fonial', label: 'Company', baseUrl: env.sim.baseUrl('fonial') }],
    });
    const company = (await view()).settings.accounts[0];
    if (!company) throw new Error('no managed account');
    expect(company).toMatchObject({ id: 'company', label: 'Company' });
    expect(
      await send({ type: 'save-account', account: { ...company, baseUrl: 'https://elsewhere.example' } }, OPTIONS_TAB),
    ).toEqual({
      ok: false,
      reason: 'errLockedSetting',
      details: ['accounts'],
    });
    await value({ type: 'save-account', account: company, credentials: FONIAL_LOGIN }, OPTIONS_TAB);
    await value({ type: 'choose', choice: { deviceId: '23' } });
    expect(await value<CallReport>({ type: 'call', number: '0221 66966966' })).toMatchObject({ phase: 'ringing' });
    expect(env.sim.fonial.calls[0]).toMatchObject({ device: 23 });
    expect(await send({ type: 'remove-account', accountId: 'company' }, OPTIONS_TAB)).toMatchObject({
      ok: false,
      reason: 'errLockedSetting',
    });
  });
});

describe('settings files', () => {
  it('exports without credentials unless asked to include them', async () => {
    const plain = JSON.parse(await value<string>({ type: 'export-settings', includeCredentials: false }, OPTIONS_TAB));
    expect(plain).toMatchObject({ format: 'ringback-settings', settings: { accounts: [{ id: 'office' }] } });
    expect(plain).not.toHaveProperty('credentials');
    expect(JSON.stringify(plain)).not.toContain(FONIAL_LOGIN.password);
    const full = JSON.parse(await value<string>({ type: 'export-settings', includeCredentials: true }, OPTIONS_TAB));
    expect(full.credentials).toEqual({ office: FONIAL_LOGIN });
  });

  it('changes nothing for a file that is not JSON or not a Ringback settings file', async () => {
    const before = await stored();
    expect(await send({ type: 'import-settings', json: '{"settings": ' }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errImportNotJson',
    });
    for (const json of ['[]', '{"telLinks": false}', '{"format": "ringback-settings", "settings": 3}']) {
      expect(await send({ type: 'import-settings', json }, OPTIONS_TAB)).toEqual({
        ok: false,
        reason: 'errImportNotRingback',
      });
    }
    expect(await stored()).toEqual(before);
  });

  it('applies the valid parts of a file and names what it kept', async () => {
    const file = {
      format: 'ringback-settings',
      settings: { version: 1, telLinks: false, detection: { mode: 'nowhere' }, defaultCountry: 'NL' },
      credentials: 'not a login',
    };
    const result = await value<ImportResult>({ type: 'import-settings', json: JSON.stringify(file) }, OPTIONS_TAB);
    expect(result.applied && [...result.problems].sort()).toEqual(['credentials', 'detection']);
    const { settings } = await view();
    expect(settings).toMatchObject({ telLinks: false, defaultCountry: 'NL', detection: { mode: 'everywhere' } });
    expect(result).toMatchObject({ applied: true });
    const full = JSON.parse(await value<string>({ type: 'export-settings', includeCredentials: true }, OPTIONS_TAB));
    expect(full.credentials).toEqual({ office: FONIAL_LOGIN });
  });

  it('forgets what an account listed once a file moves it to another address', async () => {
    env.sim.fonial.evn.push(FONIAL_EVN_CALL);
    const numbers = async () => (await value<readonly HistoryEntry[]>({ type: 'history' })).map((e) => e.number);
    expect(await numbers()).toEqual(['+3225551212']);
    // The PBX at the new address has no such record; the old one's must not linger from the cache.
    env.sim.fonial.evn.length = 0;
    const moved = fonialAccount(env.sim, { baseUrl: `${env.sim.baseUrl('fonial')}/` });
    const file = { format: 'ringback-settings', settings: { version: 1, accounts: [moved] } };
    expect(await value<ImportResult>({ type: 'import-settings', json: JSON.stringify(file) }, OPTIONS_TAB)).toEqual({
      applied: true,
      problems: [],
    });
    expect(await numbers()).toEqual([]);
  });

  it('restores an exported setup on a fresh profile, login included', async () => {
    const json = await value<string>({ type: 'export-settings', includeCredentials: true }, OPTIONS_TAB);
    await fakeBrowser.storage.local.clear();
    expect(await value<ImportResult>({ type: 'import-settings', json }, OPTIONS_TAB)).toEqual({
      applied: true,
      problems: [],
    });
    const restored: Settings = (await view()).settings;
    expect(restored.accounts).toEqual([fonialAccount(env.sim)]);
    expect(await value<CallReport>({ type: 'call', number: '0221 66966966' })).toMatchObject({ phase: 'ringing' });
  });
});
