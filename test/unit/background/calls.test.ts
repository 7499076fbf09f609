/**
 * Calls through the whole background (router, settings, sessions, history, feedback) on WXT's fake
 * browser, against the simulator over real HTTP.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkTrackedCall } from '../../../src/background/call-tracking';
import { loadLanguage } from '../../../src/i18n';
import type { CallReport, HistoryEntry, PopupState } from '../../../src/messages';
import { badgeText, shownNotifications } from './fake-browser';
import {
  CRM_PAGE,
  configure,
  FONEMA_LOGIN,
  FONIAL_LOGIN,
  fonemaAccount,
  fonialAccount,
  POPUP,
  SIPGATE_LOGIN,
  send,
  sipgateAccount,
  useBackground,
  value,
} from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PREMIUM = '0900 5 123456';

const env = useBackground();

const logins = () => env.sim.received('fonial', '/session/authenticate').length;
const call = (number: string, sender: object = POPUP, extra: object = {}) =>
  value<CallReport>({ type: 'call', number, ...extra }, sender);
const history = () => value<readonly HistoryEntry[]>({ type: 'history' });

describe('placing calls', () => {
  it('rings the device and logs the call with the page it came from', async () => {
    const report = await call('0221 66966966', CRM_PAGE, {
      origin: { title: 'ACME GmbH — Contact', url: 'https://crm.example/contacts/42' },
    });
    expect(report).toEqual({ phase: 'ringing', number: '+4922166966966' });
    expect(env.sim.fonial.calls).toEqual([expect.objectContaining({ device: 674, target: '+4922166966966' })]);
    expect(await history()).toEqual([
      expect.objectContaining({
        kind: 'call',
        number: '+4922166966966',
        outcome: 'ringing',
        provider: 'fonial',
        origin: { title: 'ACME GmbH — Contact', host: 'crm.example', url: 'https://crm.example/contacts/42' },
      }),
    ]);
    // While it rings, the toolbar says a call is in progress, and a notification tells the user.
    expect(await badgeText()).not.toBe('');
    expect(Object.values(await shownNotifications())).toEqual([
      expect.objectContaining({ message: 'callPhaseRinging', title: 'extName · +49 221 66966966' }),
    ]);
    expect((await value<PopupState>({ type: 'popup-state' })).lastCall).toMatchObject({ phase: 'ringing' });
  });

  it('keeps the page address in history without a user name or password written into it', async () => {
    await call('0221 66966966', CRM_PAGE, {
      origin: { title: 'ACME GmbH — Contact', url: 'https://agent:s3cret@crm.example/contacts/42?tab=1' },
    });
    const [entry] = await history();
    expect(entry?.origin).toEqual({
      title: 'ACME GmbH — Contact',
      host: 'crm.example',
      url: 'https://crm.example/contacts/42?tab=1',
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('s3cret');
  });

  it('logs in once for two calls that arrive together, and reuses the session afterwards', async () => {
    const [a, b] = await Promise.all([call('0221 66966966'), call('+32 2 555 12 12')]);
    expect([a.phase, b.phase]).toEqual(['ringing', 'ringing']);
    expect(logins()).toBe(1);
    await call('0221 66966966');
    expect(logins()).toBe(1);
    expect(env.sim.fonial.calls).toHaveLength(3);
    expect(await history()).toHaveLength(3);
  });

  it('logs in again once when the provider expired the session, and the call goes through', async () => {
    await call('0221 66966966');
    env.sim.fonial.expireAllSessions();
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(logins()).toBe(2);
    expect(env.sim.fonial.calls).toHaveLength(2);
  });

  it('reports an unknown outcome and never sends the call again', async () => {
    await call('0221 66966966');
    env.sim.fault({ kind: 'drop-after-receive', provider: 'fonial', path: '/call/initiate', times: 1 });
    const report = await call('0221 66966966');
    expect(report).toMatchObject({ phase: 'unknown', reason: 'errUnknownOutcome' });
    expect(env.sim.received('fonial', '/call/initiate')).toHaveLength(2);
    expect((await history())[0]).toMatchObject({ outcome: 'unknown' });
    expect(await badgeText()).toBe('');
    expect(Object.values(await shownNotifications())[0]?.message).toContain('callPhaseUnknown');
  });

  it('says clearly when the provider is down, keeps the attempt, and the next call works', async () => {
    env.sim.fault({ kind: 'server-error', provider: 'fonial', status: 503 });
    const report = await call('0221 66966966');
    expect(report).toMatchObject({ phase: 'failed', number: '+4922166966966', reason: 'errUnavailable' });
    expect((await history())[0]).toMatchObject({ outcome: 'failed', reason: 'errUnavailable' });
    env.sim.clearFaults();
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect(env.sim.fonial.calls).toHaveLength(1);
    expect((await history()).map((e) => e.outcome)).toEqual(['ringing', 'failed']);
  });

  it('says what is wrong with a number that cannot be dialled, without asking the provider', async () => {
    expect(await call('12')).toMatchObject({ phase: 'failed', reason: 'dialErrorTooShort' });
    expect(await call('call me')).toMatchObject({ phase: 'failed' });
    expect(env.sim.requests).toHaveLength(0);
  });

  it('asks to set up an account first', async () => {
    await fakeBrowser.storage.local.clear();
    expect(await call('0221 66966966')).toEqual({ phase: 'failed', reason: 'errNoAccount' });
  });

  it('respects the user turning notifications off', async () => {
    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { notifications: false });
    await call('0221 66966966');
    expect(await shownNotifications()).toEqual({});
  });

  it('notifies in the language chosen in the options, not only in the browser language', async () => {
    // The extension's own files, as the service worker would fetch them; the simulator as it is.
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol !== 'chrome-extension:') return realFetch(input, init);
      return new Response(await readFile(join(import.meta.dirname, '../../../public', url.pathname), 'utf8'));
    });
    try {
      await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { language: 'de' });
      await call('0221 66966966');
      const german = JSON.parse(
        await readFile(join(import.meta.dirname, '../../../public/_locales/de/messages.json'), 'utf8'),
      );
      expect(Object.values(await shownNotifications())[0]?.message).toBe(german.callPhaseRinging.message);
    } finally {
      fetchSpy.mockRestore();
      await loadLanguage('');
    }
  });

  it('picks the first device when none was chosen, and remembers it', async () => {
    await configure([fonialAccount(env.sim, { deviceId: '' })], { office: FONIAL_LOGIN });
    await call('0221 66966966');
    expect(env.sim.fonial.calls[0]?.device).toBe(23);
    expect((await value<PopupState>({ type: 'popup-state' })).choice.deviceId).toBe('23');
  });
});

describe('confirmation before risky calls', () => {
  it('asks before a premium-rate number and sends nothing until the popup confirms', async () => {
    const asked = await call(PREMIUM, CRM_PAGE);
    expect(asked).toMatchObject({ phase: 'confirm', number: '+499005123456', reason: 'confirmReasonPremium' });
    expect(env.sim.requests).toHaveLength(0);
    // Asked from a page: the popup is brought up (as a window where openPopup is not allowed).
    expect(env.browser.windows).toEqual([expect.stringContaining('popup.html?tab=7')]);
    expect((await value<PopupState>({ type: 'popup-state' })).lastCall).toMatchObject({ phase: 'confirm' });

    expect(await call(PREMIUM, POPUP, { confirmed: true })).toMatchObject({ phase: 'ringing' });
    expect(env.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+499005123456' })]);
    // The confirmed call is logged against the page it was first asked from.
    expect((await history())[0]?.origin).toEqual({
      title: 'ACME GmbH — Contact',
      host: 'crm.example',
      url: 'https://crm.example/contacts/42',
    });
  });

  it('does not let a page claim the user confirmed, and brings the one popup window back instead', async () => {
    expect(await call(PREMIUM, CRM_PAGE)).toMatchObject({ phase: 'confirm' });
    expect(await call(PREMIUM, CRM_PAGE, { confirmed: true })).toMatchObject({ phase: 'confirm' });
    expect(env.sim.requests).toHaveLength(0);
    expect(env.browser.windows).toHaveLength(1);
  });

  it('asks for international numbers, or every number, only when the user wants that', async () => {
    expect(await call('+32 2 555 12 12')).toMatchObject({ phase: 'ringing' });
    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { confirmCalls: 'international' });
    expect(await call('+32 2 555 12 12')).toMatchObject({ reason: 'confirmReasonInternational' });
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { confirmCalls: 'always' });
    expect(await call('0221 66966966')).toMatchObject({ reason: 'confirmReasonAlways' });
    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { confirmCalls: 'never' });
    expect(await call(PREMIUM)).toMatchObject({ phase: 'ringing' });
  });
});

describe('following a call where the provider tells its state (sipgate)', () => {
  beforeEach(async () => {
    await configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN });
  });

  it('moves from ringing to connected to ended, and history keeps that it was answered', async () => {
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    const placed = env.sim.sipgate.calls[0];
    if (!placed) throw new Error('no call at the simulator');

    await checkTrackedCall();
    expect((await value<PopupState>({ type: 'popup-state' })).lastCall).toMatchObject({ phase: 'ringing' });

    env.sim.sipgate.setCallStatus(placed.sessionId, 'connected');
    await checkTrackedCall();
    expect((await value<PopupState>({ type: 'popup-state' })).lastCall).toMatchObject({ phase: 'connected' });
    expect(await badgeText()).not.toBe('');
    expect(env.browser.broadcasts).toContainEqual({
      type: 'call-update',
      report: expect.objectContaining({ phase: 'connected', number: '+4922166966966' }),
    });

    env.sim.sipgate.setCallStatus(placed.sessionId, 'ended');
    await checkTrackedCall();
    expect((await value<PopupState>({ type: 'popup-state' })).lastCall).toMatchObject({ phase: 'ended' });
    expect(await badgeText()).toBe('');
    expect((await history())[0]).toMatchObject({ outcome: 'connected' });
  });
});

describe('hanging up from the popup', () => {
  const popupState = () => value<PopupState>({ type: 'popup-state' });

  it('ends the sipgate call at the provider, in history, on the badge and in open popups', async () => {
    await configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN });
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    const placed = env.sim.sipgate.calls[0];
    if (!placed) throw new Error('no call at the simulator');
    expect((await popupState()).lastCall).toMatchObject({ phase: 'ringing', canHangUp: true });

    expect(await value({ type: 'hang-up' })).toBeNull();
    const deletes = env.sim.received('sipgate').filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual([`/sessions/calls/${placed.sessionId}`]);
    expect(placed.status).toBe('ended');
    expect((await history())[0]).toMatchObject({ outcome: 'ended' });
    expect(await badgeText()).toBe('');
    expect(env.browser.broadcasts).toContainEqual({
      type: 'call-update',
      report: expect.objectContaining({ phase: 'ended', number: '+4922166966966' }),
    });
    expect((await popupState()).lastCall).toMatchObject({ phase: 'ended', canHangUp: false });
    // Nothing is followed any more: a second hang-up is refused.
    expect(await send({ type: 'hang-up' })).toEqual({ ok: false, reason: 'errNoCallInProgress' });
  });

  it('ends a Fonema call by the uuid learnt when it was placed', async () => {
    await configure([fonemaAccount(env.sim)], { madrid: FONEMA_LOGIN });
    await call('+34 912 34 56 78');
    const placed = env.sim.fonema.calls[0];
    if (!placed) throw new Error('no call at the simulator');
    expect((await popupState()).lastCall).toMatchObject({ canHangUp: true });

    expect(await value({ type: 'hang-up' })).toBeNull();
    expect(env.sim.received('fonema', '/hangupCall').map((r) => r.json)).toEqual([{ uuid: placed.uuid }]);
    expect(env.sim.fonema.hangups).toEqual([placed.uuid]);
    expect(env.sim.received('fonema', '/makeCall')).toHaveLength(1);
    expect((await popupState()).lastCall).toMatchObject({ phase: 'ended', canHangUp: false });
  });

  it('refuses when no call is in progress, and when the provider cannot hang up', async () => {
    expect(await send({ type: 'hang-up' })).toEqual({ ok: false, reason: 'errNoCallInProgress' });
    // fonial cannot tell a call's state nor end it.
    expect(await call('0221 66966966')).toMatchObject({ phase: 'ringing' });
    expect((await popupState()).lastCall).toMatchObject({ phase: 'ringing', canHangUp: false });
    expect(await send({ type: 'hang-up' })).toEqual({ ok: false, reason: 'errHangUpUnsupported' });
    expect(env.sim.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('is not for pages: a content script cannot hang up', async () => {
    await configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN });
    await call('0221 66966966');
    expect(await send({ type: 'hang-up' }, CRM_PAGE)).toEqual({ ok: false, reason: 'errRejectedMessage' });
    expect(env.sim.sipgate.calls[0]?.status).toBe('ringing');
  });
});
