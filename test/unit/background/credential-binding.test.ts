/**
 * Issue #14: a saved login goes only to the provider and origin it was entered for. A second
 * simulator plays the attacker's host: whatever moves an account there (the options form, a
 * settings file, the administrator's policy, a write straight into storage), it never sees a login.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallReport, ImportResult, PopupState, SettingsView } from '../../../src/messages';
import type { DEFAULT_SETTINGS } from '../../../src/settings';
import { useSimulator } from '../../support/use-simulator';
import { FONIAL_LOGIN, fonialAccount, OPTIONS_TAB, send, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();
const attacker = useSimulator();

const view = () => value<SettingsView>({ type: 'get-settings' }, OPTIONS_TAB);
const stored = async () => fakeBrowser.storage.local.get(null);
const call = () => value<CallReport>({ type: 'call', number: '0221 66966966' });
const movedAccount = () => fonialAccount(env.sim, { baseUrl: attacker.baseUrl('fonial') });
const settingsFile = (extra: object = {}) =>
  JSON.stringify({ format: 'ringback-settings', settings: { version: 1, accounts: [movedAccount()] }, ...extra });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a login stays with the provider and origin it was saved for', () => {
  it('is dropped when the options form moves the account without a new login', async () => {
    await value({ type: 'save-account', account: movedAccount() }, OPTIONS_TAB);
    expect(await view()).toMatchObject({ withCredentials: [], signInAgain: ['office'] });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
    const popup = await value<PopupState>({ type: 'popup-state' });
    expect(popup.connection).toEqual({ status: 'error', reason: 'errSignInAgain', details: [] });
    expect(attacker.requests).toEqual([]);
    // Moving back does not bring it back: it is gone, not hidden.
    await value({ type: 'save-account', account: fonialAccount(env.sim) }, OPTIONS_TAB);
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
  });

  it('goes with the account when a new login is saved in the same change', async () => {
    await value({ type: 'save-account', account: movedAccount(), credentials: FONIAL_LOGIN }, OPTIONS_TAB);
    expect(await view()).toMatchObject({ withCredentials: ['office'], signInAgain: [] });
    expect(await call()).toMatchObject({ phase: 'ringing' });
    expect(attacker.received('fonial', '/call/initiate')).toHaveLength(1);
  });

  it('is never sent by Test connection to a draft pointing elsewhere', async () => {
    expect(await send({ type: 'test-connection', account: movedAccount() }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errTestNeedsLogin',
      details: [new URL(attacker.origin).host],
    });
    expect(
      await send({ type: 'test-connection', account: { ...fonialAccount(env.sim), provider: 'sipgate' } }, OPTIONS_TAB),
    ).toMatchObject({ ok: false, reason: 'errTestNeedsLogin' });
    expect(attacker.requests).toEqual([]);
    // Towards its own origin it still works without retyping.
    expect(await value({ type: 'test-connection', account: fonialAccount(env.sim) }, OPTIONS_TAB)).toMatchObject({
      label: FONIAL_LOGIN.username,
    });
  });

  it('is not used after the policy moves the account', async () => {
    await fakeBrowser.storage.managed.set({ accounts: [{ ...movedAccount(), label: 'Company' }] });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
    expect(await view()).toMatchObject({ signInAgain: ['office'] });
    expect(attacker.requests).toEqual([]);
  });

  it('does not open once anything with storage access rewrites its binding or the account', async () => {
    // A content script can write storage.local: it points the account elsewhere, then the login too.
    const local = await stored();
    const settings = local.settings as typeof DEFAULT_SETTINGS;
    await fakeBrowser.storage.local.set({ settings: { ...settings, accounts: [movedAccount()] } });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
    const logins = local.logins as Record<string, Record<string, unknown>>;
    const rebound = { ...logins.office, origin: attacker.origin };
    await fakeBrowser.storage.local.set({ logins: { office: rebound } });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
    expect(attacker.requests).toEqual([]);
  });

  it('seals clear-text credentials an older version stored, bound to where the account pointed', async () => {
    await fakeBrowser.storage.local.set({ credentials: { office: FONIAL_LOGIN, gone: FONIAL_LOGIN } });
    await fakeBrowser.storage.local.remove('logins');
    expect(await call()).toMatchObject({ phase: 'ringing' });
    const local = await stored();
    expect(local).not.toHaveProperty('credentials');
    expect(Object.keys(local.logins as object)).toEqual(['office']);
    expect(JSON.stringify(local)).not.toContain(FONIAL_LOGIN.password);
  });
});

describe('an import that moves accounts', () => {
  it('lists each move and changes nothing until the user confirms that very file', async () => {
    const before = await stored();
    const json = settingsFile();
    const preview = await value<ImportResult>({ type: 'import-settings', json }, OPTIONS_TAB);
    const token = preview.applied ? '' : preview.token;
    expect(preview).toEqual({
      applied: false,
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      moves: [
        {
          accountId: 'office',
          label: 'Office fonial',
          from: { provider: 'fonial', host: new URL(env.sim.origin).host },
          to: { provider: 'fonial', host: new URL(attacker.origin).host },
        },
      ],
    });
    expect(await stored()).toEqual(before);
    // A token for another file confirms nothing.
    const other = settingsFile({ exportedAt: 'later' });
    expect(
      await value<ImportResult>({ type: 'import-settings', json: other, confirm: token }, OPTIONS_TAB),
    ).toMatchObject({
      applied: false,
    });
    expect(await stored()).toEqual(before);

    expect(await value<ImportResult>({ type: 'import-settings', json, confirm: token }, OPTIONS_TAB)).toEqual({
      applied: true,
      problems: [],
    });
    expect(await view()).toMatchObject({ withCredentials: [], signInAgain: ['office'] });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errSignInAgain' });
    expect(attacker.requests).toEqual([]);
  });

  it('takes a login the file brings for the moved account', async () => {
    const json = settingsFile({ credentials: { office: FONIAL_LOGIN } });
    const preview = await value<ImportResult>({ type: 'import-settings', json }, OPTIONS_TAB);
    if (preview.applied) throw new Error('a move must be confirmed');
    await value({ type: 'import-settings', json, confirm: preview.token }, OPTIONS_TAB);
    expect(await call()).toMatchObject({ phase: 'ringing' });
    expect(attacker.received('fonial', '/call/initiate')).toHaveLength(1);
  });
});

describe('base URLs', () => {
  it('are https only in a production build, with a sentence that says why', async () => {
    vi.stubEnv('MODE', 'production');
    const account = fonialAccount(env.sim, { id: 'plain' });
    expect(await send({ type: 'save-account', account, credentials: FONIAL_LOGIN }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errBaseUrlNotHttps',
    });
    expect(await send({ type: 'test-connection', account, credentials: FONIAL_LOGIN }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errBaseUrlNotHttps',
    });
    const https = { ...account, baseUrl: 'https://pbx.example/api/2.0' };
    await value({ type: 'save-account', account: https, credentials: FONIAL_LOGIN }, OPTIONS_TAB);
    expect(env.sim.requests).toEqual([]);
  });

  it('keep an http: account already saved listed in a production build, say why, and send it nothing', async () => {
    // The harness saved the office account on the simulator's http: address, as a version before
    // https-only could have; the production build reads the same storage.
    vi.stubEnv('MODE', 'production');
    const listed = await view();
    expect(listed.settings.accounts.map((a) => a.id)).toEqual(['office']);
    expect(listed).toMatchObject({ withCredentials: [], signInAgain: [] });
    expect(await call()).toMatchObject({ phase: 'failed', reason: 'errPlainHttpAccount' });
    const popup = await value<PopupState>({ type: 'popup-state' });
    expect(popup.connection).toEqual({ status: 'error', reason: 'errPlainHttpAccount', details: [] });
    // An administrator's http: account is listed the same way; a settings file cannot add one.
    await fakeBrowser.storage.managed.set({ accounts: [fonialAccount(env.sim, { id: 'company' })] });
    expect((await view()).settings.accounts.map((a) => a.id)).toEqual(['company']);
    await fakeBrowser.storage.managed.clear();
    const json = JSON.stringify({
      format: 'ringback-settings',
      settings: { version: 1, accounts: [fonialAccount(env.sim, { id: 'imported' })] },
    });
    expect(await value<ImportResult>({ type: 'import-settings', json }, OPTIONS_TAB)).toEqual({
      applied: true,
      problems: ['accounts'],
    });
    expect((await view()).settings.accounts.map((a) => a.id)).toEqual(['office']);
    expect(env.sim.requests).toEqual([]);
    // The simulator build still reaches it, with the login it was saved with.
    vi.stubEnv('MODE', 'sim');
    expect(await call()).toMatchObject({ phase: 'ringing' });
  });

  it('may be loopback http in the simulator build, and nothing else', async () => {
    vi.stubEnv('MODE', 'sim');
    const plain = fonialAccount(env.sim, { id: 'plain', baseUrl: 'http://pbx.example/api' });
    expect(await send({ type: 'save-account', account: plain, credentials: FONIAL_LOGIN }, OPTIONS_TAB)).toEqual({
      ok: false,
      reason: 'errBaseUrlNotHttps',
    });
    await value(
      { type: 'save-account', account: fonialAccount(env.sim, { id: 'sim' }), credentials: FONIAL_LOGIN },
      OPTIONS_TAB,
    );
  });
});
