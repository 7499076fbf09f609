/**
 * Working a call list: the state machine of call-list-state.ts, stored, timed and acted on. The
 * list lives in storage.session, so it survives the popup closing and the service worker being
 * stopped; every change is one read-step-write under one lock, so two triggers at once (a timer
 * and an alarm, a double click) never place two calls. Placing is a state of its own, written
 * before the request goes out: a worker that finds a list `placing` it is not placing itself was
 * stopped mid-request, and that call's outcome is unknown — the list stops, nothing is repeated.
 *
 * Timing: the pause after a call is usually shorter than the 30 s Chrome allows an alarm, so a
 * timer places the next call while the worker lives, and an alarm (at the earliest 30 s later)
 * wakes a stopped worker to carry on from the stored list.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { Broadcast, CallListAction, CallListView, CallOrigin } from '../messages';
import { parseDialInput } from '../phone';
import { activeAccount, type Settings } from '../settings';
import { capabilitiesOf } from './accounts';
import { type CallList, type CallListEvent, holdsLine, type PlaceEffect, startList, step } from './call-list-state';
import { type TrackedChange, trackedCall } from './call-tracking';
import { placeCall } from './calls';
import { confirmationReason } from './confirmation';
import { defaultCountryOf } from './country';
import { exclusive } from './exclusive';
import { loadSettings } from './managed';
import { openPopup } from './popup-opener';
import { Refusal } from './refusal';
import { sessionValue } from './storage';

export const CALL_LIST_ALARM = 'ringback-call-list';
/** Chrome fires no alarm sooner than this after it was set. */
const ALARM_MIN_DELAY_MS = 30_000;
const LOCK = 'callList';

function isCallList(value: unknown): value is CallList {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.accountId === 'string' &&
    (value.mode === 'follow' || value.mode === 'next') &&
    typeof value.phase === 'string' &&
    typeof value.current === 'number' &&
    typeof value.paused === 'boolean' &&
    Array.isArray(value.entries)
  );
}

const stored = sessionValue('callList', isCallList);
let timer: ReturnType<typeof setTimeout> | undefined;
/** The list call this worker is placing right now (`<list id>:<index>`). */
let inFlight: string | undefined;

/** Starts calling `numbers` (E.164) in turn through the active account; the first call goes out at once. */
export async function startCallList(
  numbers: readonly string[],
  origin: CallOrigin | undefined,
  now = Date.now(),
): Promise<CallListView> {
  const list = await exclusive(LOCK, async () => {
    const running = await stored.get();
    if ((running && running.phase !== 'done') || inFlight) throw new Refusal('errCallListRunning');
    if (await otherCallInProgress(undefined)) throw new Refusal('errCallInProgress');
    const settings = await loadSettings();
    const account = activeAccount(settings);
    if (!account) throw new Refusal('errNoAccount');
    const home = defaultCountryOf(settings);
    // The numbers are called exactly as the page's list understood them: one that reads back as
    // another number is refused rather than called (a wrong number is the worst failure).
    if (!numbers.every((n) => reads(n, home))) throw new Refusal('errInvalidNumber');
    const created = startList(
      {
        id: crypto.randomUUID(),
        accountId: account.id,
        mode: capabilitiesOf(account).callState ? 'follow' : 'next',
        pauseMs: settings.callListPauseSeconds * 1_000,
        numbers,
        ...(origin ? { origin } : {}),
      },
      now,
    );
    await stored.set(created);
    return created;
  });
  await changed(list);
  return viewOf(list);
}

/** The list as it stands, for the popup. */
export async function callListView(): Promise<CallListView | null> {
  const list = await stored.get();
  return list ? viewOf(list) : null;
}

/** The user's Pause, Resume, Skip, Stop, Next, "call anyway" or Close. */
export async function actOnCallList(action: CallListAction, now = Date.now()): Promise<CallListView | null> {
  if (action === 'close') {
    await exclusive(LOCK, async () => {
      const list = await stored.get();
      if (list && list.phase !== 'done') throw new Refusal('errCallListRunning');
      await stored.clear();
    });
    await changed(undefined);
    return null;
  }
  if ((action === 'resume' || action === 'next') && (await otherCallInProgress(await stored.get())))
    throw new Refusal('errCallInProgress');
  const list = await advance(eventFor(action, now));
  return list ? viewOf(list) : null;
}

/** Whether a manual call must wait: a list call is being placed or in progress, or is about to be. */
export async function callListHoldsLine(): Promise<boolean> {
  return inFlight !== undefined || holdsLine(await stored.get());
}

/** A followed call was answered or is over: a following list goes on from there. */
export async function onTrackedChange(change: TrackedChange): Promise<void> {
  const now = Date.now();
  if (change.phase === 'connected') await advance({ type: 'connected', attemptId: change.attemptId });
  else await advance({ type: 'call-over', attemptId: change.attemptId, how: change.phase, now });
}

/**
 * Carries on after the worker restarted (the alarm fired, or any message arrived): a list caught
 * `placing` has an unknown outcome; a due one places its next call; timers are set again.
 */
export async function resumeCallList(now = Date.now()): Promise<void> {
  await advance({ type: 'tick', now });
}

function eventFor(action: Exclude<CallListAction, 'close'>, now: number): CallListEvent {
  switch (action) {
    case 'pause':
    case 'stop':
    case 'next':
    case 'confirm':
      return { type: action };
    case 'resume':
    case 'skip':
      return { type: action, now };
  }
}

/** One step under the lock; a call the step asks for is placed outside it. */
async function advance(event: CallListEvent): Promise<CallList | undefined> {
  const result = await exclusive(LOCK, async () => {
    // The call this worker was placing is answered (even when its list was closed meanwhile).
    if (event.type === 'placed') inFlight = undefined;
    const list = await stored.get();
    if (!list) return undefined;
    const settings = await loadSettings();
    // Only under the lock is `inFlight` known to match the stored list: a list `placing` that this
    // worker is not placing was left so by a worker stopped mid-request.
    const stranded = event.type === 'tick' && list.phase === 'placing' && inFlight === undefined;
    const transition = step(list, stranded ? { type: 'worker-restarted' } : event, (number) =>
      confirmation(number, settings),
    );
    if (transition.list !== list) await stored.set(transition.list);
    if (transition.place) inFlight = `${list.id}:${transition.place.index}`;
    return { ...transition, before: list };
  });
  if (!result) return undefined;
  const { list, place, before } = result;
  if (place)
    void placeListCall(list, place).catch((error: unknown) => {
      // The outcome could not be stored: manual calls must not stay blocked for the worker's life.
      inFlight = undefined;
      console.error('Ringback: call list failed', error instanceof Error ? error.name : typeof error);
    });
  // Timers are set again even when nothing changed: a restarted worker has none.
  if (list !== before) await changed(list);
  else await arm(list);
  if (list.phase === 'confirm' && before.phase !== 'confirm') await openPopup();
  return list;
}

async function placeListCall(list: CallList, place: PlaceEffect): Promise<void> {
  // The list calls through the account it was started with: after a switch it stops rather than
  // go on through another provider (whose calls it may not be able to follow).
  if (activeAccount(await loadSettings())?.id !== list.accountId) {
    await advance({ type: 'stop' });
    await advance({
      type: 'placed',
      outcome: { phase: 'failed', reason: 'errCallListAccountChanged' },
      now: Date.now(),
    });
    return;
  }
  const attemptId = crypto.randomUUID();
  let event: CallListEvent;
  try {
    const report = await placeCall(
      {
        number: place.number,
        source: 'popup',
        attemptId,
        ...(place.confirmed ? { confirmed: true } : {}),
        ...(list.origin ? { origin: list.origin } : {}),
      },
      { askToConfirm: () => openPopup() },
    );
    const outcome =
      report.phase === 'ringing'
        ? ({ phase: 'ringing', attemptId } as const)
        : report.phase === 'confirm'
          ? ({ phase: 'confirm', ...(report.reason ? { reason: report.reason } : {}) } as const)
          : ({
              // Anything but ringing, confirm or failed is not a known outcome of a placed call.
              phase: report.phase === 'failed' ? 'failed' : 'unknown',
              attemptId,
              ...(report.reason ? { reason: report.reason } : {}),
            } as const);
    event = { type: 'placed', outcome, now: Date.now() };
  } catch (error) {
    console.error('Ringback: list call failed inside Ringback', error instanceof Error ? error.name : typeof error);
    event = { type: 'placed', outcome: { phase: 'unknown', attemptId, reason: 'errInternal' }, now: Date.now() };
  }
  await advance(event);
}

/** Sets (or clears) the timer and the alarm that place the next call of a waiting list. */
async function arm(list: CallList | undefined, now = Date.now()): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const nextAt = list?.phase === 'waiting' && !list.paused ? list.nextAt : undefined;
  if (nextAt === undefined) {
    await browser.alarms.clear(CALL_LIST_ALARM);
    return;
  }
  timer = setTimeout(
    () => {
      timer = undefined;
      void advance({ type: 'tick', now: Date.now() }).catch((error: unknown) => {
        console.warn('Ringback: call list failed', error instanceof Error ? error.name : typeof error);
      });
    },
    Math.max(0, nextAt - now),
  );
  await browser.alarms.create(CALL_LIST_ALARM, { when: Math.max(nextAt, now + ALARM_MIN_DELAY_MS) });
}

async function changed(list: CallList | undefined): Promise<void> {
  await arm(list);
  const message: Broadcast = { type: 'call-list-update', list: list ? viewOf(list) : null };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No popup open: it asks for the list when it opens.
  }
}

/**
 * Whether a call placed outside `list` still rings or is up, as far as its provider tells (a call
 * without state, fonial's or VoipCenter's, is the user's to judge: they press Next).
 */
async function otherCallInProgress(list: CallList | undefined): Promise<boolean> {
  const call = await trackedCall();
  if (call?.callId === undefined) return false;
  return !list?.entries.some((entry) => entry.attemptId === call.attemptId);
}

function confirmation(number: string, settings: Settings): string | undefined {
  const home = defaultCountryOf(settings);
  const parsed = parseDialInput(number, { defaultCountry: home });
  return parsed.ok ? confirmationReason(parsed.number, settings.confirmCalls, home) : undefined;
}

function reads(e164: string, home: ReturnType<typeof defaultCountryOf>): boolean {
  const parsed = parseDialInput(e164, { defaultCountry: home });
  return parsed.ok && parsed.number.e164 === e164;
}

function viewOf(list: CallList): CallListView {
  return {
    mode: list.mode,
    phase: list.phase,
    paused: list.paused,
    current: list.current,
    entries: list.entries.map(({ number, outcome, reason }) => ({ number, outcome, ...(reason ? { reason } : {}) })),
    pauseMs: list.pauseMs,
    ...(list.nextAt !== undefined ? { nextAt: list.nextAt } : {}),
    ...(list.confirmReason ? { confirmReason: list.confirmReason } : {}),
    ...(list.end ? { end: list.end } : {}),
  };
}
