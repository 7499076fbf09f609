/**
 * Call lists through the whole background on WXT's fake browser, against the simulator over real
 * HTTP: the provider's call state drives a sipgate or Fonema list, fonial's waits for Next, and no
 * trigger, however timed, makes two calls at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actOnCallList, callListHoldsLine, resumeCallList } from '../../../src/background/call-list';
import { startList, step } from '../../../src/background/call-list-state';
import { checkTrackedCall } from '../../../src/background/call-tracking';
import { MENU_CALL } from '../../../src/background/context-menu';
import type { CallListView, CallReport, HistoryEntry, Reply } from '../../../src/messages';
import { FONEMA_TEST_ACCOUNT } from '../../sim/providers/fonema';
import { shownNotifications } from './fake-browser';
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

const env = useBackground();

const A = '+4922166966966';
const B = '+3225551212';
const C = '+31201234567';
const PREMIUM = '+499005123456';
const ORIGIN = { title: 'ACME GmbH — Leads', url: 'https://crm.example/leads?list=7' };

const start = (numbers: readonly string[]) => value<CallListView>({ type: 'call-list-start', numbers, origin: ORIGIN });
const act = (action: string) => send<CallListView | null>({ type: 'call-list-action', action });
const view = () => value<CallListView | null>({ type: 'call-list' });
const history = () => value<readonly HistoryEntry[]>({ type: 'history' });

async function useSipgate(pauseSeconds: number): Promise<void> {
  await configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN }, { callListPauseSeconds: pauseSeconds });
}

afterEach(async () => {
  // A list left running would place calls into the next test.
  await actOnCallList('stop');
  await vi.waitFor(async () => expect(await callListHoldsLine()).toBe(false));
});

describe('a sipgate list, driven by the call state', () => {
  it('calls each number once the previous call has ended, after the pause', async () => {
    await useSipgate(0);
    const started = await start([A, B, C]);
    expect(started).toMatchObject({ mode: 'follow', pauseMs: 0 });
    await vi.waitFor(() => expect(env.sim.sipgate.calls).toHaveLength(1));
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));

    for (const [index, number] of [A, B, C].entries()) {
      const call = env.sim.sipgate.calls[index];
      expect(call?.callee).toBe(number);
      // Still up: polling the state places nothing more.
      await checkTrackedCall();
      expect(env.sim.sipgate.calls).toHaveLength(index + 1);

      env.sim.sipgate.setCallStatus(call?.sessionId ?? '', 'ended');
      const endedAt = Date.now();
      await checkTrackedCall();
      if (index < 2) {
        await vi.waitFor(() => expect(env.sim.sipgate.calls).toHaveLength(index + 2));
        // Never two at once: the next call went out after the previous one ended.
        expect(env.sim.sipgate.calls[index + 1]?.at).toBeGreaterThanOrEqual(endedAt);
        await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
      }
    }
    expect(await view()).toMatchObject({ phase: 'done', end: 'completed', current: 2 });
    expect((await view())?.entries.map((e) => e.outcome)).toEqual(['ended', 'ended', 'ended']);
    // Every call is in history, against the page the list was started from.
    const logged = await history();
    expect(logged.map((e) => e.number).sort()).toEqual([A, B, C].sort());
    expect(logged.every((e) => e.origin?.url === ORIGIN.url)).toBe(true);
  });

  it('waits the pause the user set before the next call', async () => {
    await useSipgate(60);
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    env.sim.sipgate.setCallStatus(env.sim.sipgate.calls[0]?.sessionId ?? '', 'ended');
    const before = Date.now();
    await checkTrackedCall();
    const waiting = await view();
    expect(waiting).toMatchObject({ phase: 'waiting', paused: false });
    expect(waiting?.nextAt).toBeGreaterThanOrEqual(before + 60_000);
    // The alarm that wakes a stopped worker is set too (Chrome fires none sooner than 30 s).
    expect(await fakeBrowser.alarms.get('ringback-call-list')).toBeDefined();
    expect(env.sim.sipgate.calls).toHaveLength(1);
  });

  it('refuses a manual call while a list call is up, and allows it once paused and ended', async () => {
    await useSipgate(0);
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    expect(await send<CallReport>({ type: 'call', number: '0221 12345678' })).toEqual({
      ok: false,
      reason: 'errCallListBusy',
    });
    expect(await send<CallReport>({ type: 'call', number: '0221 12345678' }, CRM_PAGE)).toMatchObject({ ok: false });

    expect((await act('pause')).ok).toBe(true);
    env.sim.sipgate.setCallStatus(env.sim.sipgate.calls[0]?.sessionId ?? '', 'ended');
    await checkTrackedCall();
    expect(await view()).toMatchObject({ phase: 'waiting', paused: true });
    expect(await value<CallReport>({ type: 'call', number: '0221 12345678' })).toMatchObject({ phase: 'ringing' });
    // And the list does not call on top of that call: resuming waits until it has ended.
    expect(await act('resume')).toEqual({ ok: false, reason: 'errCallInProgress' });
    expect(env.sim.sipgate.calls).toHaveLength(2);
  });

  it('refuses calls from the context menu and the address bar too while a list call is up', async () => {
    await useSipgate(0);
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    await env.browser.menuClicked.fire(
      { menuItemId: MENU_CALL, selectionText: '0221 12345678', pageUrl: CRM_PAGE.url },
      CRM_PAGE.tab,
    );
    await vi.waitFor(async () =>
      expect(Object.values(await shownNotifications())).toEqual([
        expect.objectContaining({ message: 'errCallListBusy' }),
      ]),
    );
    await fakeBrowser.notifications.clear('ringback-call');
    await env.browser.omnibox.entered.fire('0221 12345678', 'currentTab');
    await vi.waitFor(async () =>
      expect(Object.values(await shownNotifications())).toEqual([
        expect.objectContaining({ message: 'errCallListBusy' }),
      ]),
    );
    expect(env.sim.sipgate.calls).toHaveLength(1);
  });

  it('stops at a call whose outcome is unknown, and never places it again', async () => {
    await useSipgate(0);
    env.sim.fault({ kind: 'drop-after-receive', provider: 'sipgate', path: '/sessions/calls', times: 1 });
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('done'));
    expect(await view()).toMatchObject({ end: 'unknown', entries: [{ outcome: 'unknown' }, { outcome: 'pending' }] });
    await resumeCallList();
    expect(env.sim.received('sipgate', '/sessions/calls').filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('places the due call of a list a stopped worker left waiting, once woken (alarm or message)', async () => {
    await useSipgate(10);
    const started = startList(
      { id: 'l', accountId: 'mobile', mode: 'follow', pauseMs: 10_000, numbers: [A, B] },
      Date.now() - 60_000,
    );
    // As stored by the worker that was stopped: first call ended, the pause over since.
    const waiting = {
      ...started,
      entries: [{ number: A, outcome: 'ended', attemptId: 'gone' }, started.entries[1]],
      current: 0,
      nextAt: Date.now() - 1_000,
    };
    await fakeBrowser.storage.session.set({ callList: waiting });
    await Promise.all([resumeCallList(), value({ type: 'call-list' })]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    expect(env.sim.sipgate.calls.map((c) => c.callee)).toEqual([B]);
  });

  it('treats a list a stopped worker left placing as unknown, without calling', async () => {
    await useSipgate(0);
    const placing = step(
      startList({ id: 'l', accountId: 'mobile', mode: 'follow', pauseMs: 0, numbers: [A, B] }, Date.now()),
      { type: 'tick', now: Date.now() },
      () => undefined,
    ).list;
    await fakeBrowser.storage.session.set({ callList: placing });
    await resumeCallList();
    expect(await view()).toMatchObject({ phase: 'done', end: 'unknown', entries: [{ outcome: 'unknown' }, {}] });
    expect(env.sim.sipgate.calls).toHaveLength(0);
  });
});

describe('a list and the active account', () => {
  it('stops instead of calling on through another account the user switched to', async () => {
    await configure(
      [sipgateAccount(env.sim), fonialAccount(env.sim)],
      { mobile: SIPGATE_LOGIN, office: FONIAL_LOGIN },
      { callListPauseSeconds: 0 },
    );
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    await value({ type: 'set-active-account', accountId: 'office' });
    env.sim.sipgate.setCallStatus(env.sim.sipgate.calls[0]?.sessionId ?? '', 'ended');
    await checkTrackedCall();
    await vi.waitFor(async () => expect((await view())?.phase).toBe('done'));
    expect(await view()).toMatchObject({
      end: 'stopped',
      entries: [{ outcome: 'ended' }, { outcome: 'failed', reason: 'errCallListAccountChanged' }],
    });
    expect(env.sim.sipgate.calls).toHaveLength(1);
    expect(env.sim.fonial.calls).toHaveLength(0);
  });
});

describe('a Fonema list', () => {
  it('calls the next number once Fonema says the user is no longer on a call', async () => {
    await configure([fonemaAccount(env.sim)], { madrid: FONEMA_LOGIN }, { callListPauseSeconds: 0 });
    await start(['+34911234567', '+34931234567']);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('in-call'));
    expect(env.sim.fonema.calls.map((c) => c.number)).toEqual(['+34911234567']);
    env.sim.fonema.endCall(FONEMA_TEST_ACCOUNT.id);
    await checkTrackedCall();
    await vi.waitFor(() => expect(env.sim.fonema.calls).toHaveLength(2));
    expect(env.sim.fonema.calls[1]?.number).toBe('+34931234567');
  });
});

describe('a fonial list, with Next', () => {
  it('calls the first number, then one more per Next, never two for a double click', async () => {
    const started = await start([A, B, C]);
    expect(started.mode).toBe('next');
    await vi.waitFor(async () => expect((await view())?.phase).toBe('ready'));
    expect(env.sim.fonial.calls.map((c) => c.target)).toEqual([A]);

    const replies = await Promise.all([act('next'), act('next')]);
    expect(replies.every((r) => r.ok)).toBe(true);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('ready'));
    expect(env.sim.fonial.calls.map((c) => c.target)).toEqual([A, B]);

    // Between calls the user may call someone else: fonial cannot tell when a call ended.
    expect(await value<CallReport>({ type: 'call', number: '0221 12345678' })).toMatchObject({ phase: 'ringing' });

    await act('skip');
    expect(await view()).toMatchObject({ phase: 'done', end: 'completed' });
    expect((await view())?.entries.map((e) => e.outcome)).toEqual(['ringing', 'ringing', 'skipped']);
    expect((await act('close')).ok).toBe(true);
    expect(await view()).toBeNull();
  });

  it('places one call when the timer and a woken worker fire together', async () => {
    await start([A, B]);
    await Promise.all([resumeCallList(), resumeCallList(), resumeCallList()]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('ready'));
    expect(env.sim.fonial.calls).toHaveLength(1);
  });

  it('does not take its own slow request for one a stopped worker left behind', async () => {
    env.sim.fault({ kind: 'slow', provider: 'fonial', path: '/call/initiate', delayMs: 500, times: 1 });
    await start([A, B]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('placing'));
    await Promise.all([resumeCallList(), resumeCallList(), value({ type: 'call-list' })]);
    await vi.waitFor(async () => expect((await view())?.phase).toBe('ready'));
    expect((await view())?.entries.map((e) => e.outcome)).toEqual(['ringing', 'pending']);
    expect(env.sim.fonial.calls).toHaveLength(1);
  });

  it('starts one list when two starts arrive together', async () => {
    const replies = await Promise.all([
      send<CallListView>({ type: 'call-list-start', numbers: [A] }),
      send<CallListView>({ type: 'call-list-start', numbers: [B] }),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toEqual({ ok: false, reason: 'errCallListRunning' });
    await vi.waitFor(async () => expect((await view())?.phase).toBe('done'));
    expect(env.sim.fonial.calls).toHaveLength(1);
  });

  it('asks before a premium-rate number and calls it only when the user confirms', async () => {
    await start([PREMIUM, A]);
    await vi.waitFor(async () =>
      expect(await view()).toMatchObject({ phase: 'confirm', confirmReason: 'confirmReasonPremium' }),
    );
    expect(env.sim.fonial.calls).toHaveLength(0);
    // The popup is brought up to ask.
    expect(env.browser.windows).toEqual([expect.stringContaining('popup.html')]);
    await act('confirm');
    await vi.waitFor(async () => expect((await view())?.phase).toBe('ready'));
    expect(env.sim.fonial.calls.map((c) => c.target)).toEqual([PREMIUM]);
  });

  it('refuses numbers that are not E.164, and a page asking to start a list', async () => {
    expect(await send({ type: 'call-list-start', numbers: ['0221 66966966'] })).toEqual({
      ok: false,
      reason: 'errRejectedMessage',
    });
    expect(await send({ type: 'call-list-start', numbers: [A] }, CRM_PAGE)).toEqual({
      ok: false,
      reason: 'errRejectedMessage',
    });
    expect(env.sim.requests).toHaveLength(0);
  });

  it('refuses to close a list that is still running', async () => {
    await start([A, B]);
    expect(await act('close')).toEqual({ ok: false, reason: 'errCallListRunning' });
  });
});

describe('notes on history entries', () => {
  it('saves, shows, edits and removes a note; clearing history clears notes', async () => {
    await value({ type: 'call', number: '0221 66966966' }, POPUP);
    const [entry] = await history();
    if (!entry) throw new Error('no history entry');
    await value({ type: 'history-note', id: entry.id, note: '  Left a message, call back Tuesday ' });
    expect((await history())[0]?.note).toBe('Left a message, call back Tuesday');
    await value({ type: 'history-note', id: entry.id, note: '=cmd|calc' });
    expect((await history())[0]?.note).toBe('=cmd|calc');
    await value({ type: 'history-note', id: entry.id, note: '' });
    expect((await history())[0]?.note).toBeUndefined();

    await value({ type: 'history-note', id: entry.id, note: 'again' });
    await value({ type: 'clear-history' });
    await value({ type: 'call', number: '0221 66966966' }, POPUP);
    expect((await history()).map((e) => e.note)).toEqual([undefined]);
  });

  it('refuses an overlong note', async () => {
    const reply: Reply<null> = await send({ type: 'history-note', id: 'x', note: 'n'.repeat(501) });
    expect(reply).toEqual({ ok: false, reason: 'errRejectedMessage' });
  });
});
