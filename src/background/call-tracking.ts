/**
 * Follows a placed call after "ringing your device". Where the provider tells (capabilities
 * .callState), its state is polled until the call is connected and then ended; elsewhere the call
 * counts as in progress for a short window, so the badge does not claim a call forever.
 *
 * The service worker may be stopped at any time: what is tracked lives in storage.session, and an
 * alarm wakes a stopped worker to carry on. While the worker lives, a timer polls more often than
 * alarms can fire.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import { isProviderError } from '../providers/errors';
import type { CallState } from '../providers/types';
import { providerFor } from './accounts';
import { showCallBadge } from './badge';
import { announce } from './call-feedback';
import { exclusive } from './exclusive';
import { updateEntry } from './history';
import { loadSettings } from './managed';
import { sessionValue } from './storage';

export const TRACKING_ALARM = 'ringback-call-tracking';
export const POLL_INTERVAL_MS = 2_000;
/** Without call state from the provider: how long after "ringing" the badge shows a call in progress. */
export const RINGING_WINDOW_MS = 60_000;
/** Nobody is on a callback for longer; past this, tracking stops whatever the provider says. */
export const MAX_TRACKING_MS = 4 * 3_600_000;
/** Consecutive failed state checks after which tracking gives up (the call itself is unaffected). */
const MAX_FAILURES = 3;

export interface TrackedCall {
  readonly attemptId: string;
  readonly accountId: string;
  /** The provider's handle; absent when the provider cannot tell the call's state. */
  readonly callId?: string;
  readonly number: string;
  readonly display: string;
  readonly notify: boolean;
  readonly phase: 'ringing' | 'connected';
  readonly startedAt: number;
  readonly failures: number;
}

function isTracked(value: unknown): value is TrackedCall {
  return (
    isRecord(value) &&
    typeof value.attemptId === 'string' &&
    typeof value.accountId === 'string' &&
    (value.phase === 'ringing' || value.phase === 'connected') &&
    typeof value.startedAt === 'number' &&
    typeof value.failures === 'number'
  );
}

const tracked = sessionValue('trackedCall', isTracked);
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * What became of a followed call: answered, `ended` (the provider said so, or the user hung up), or
 * `lost` (Ringback stopped following it without knowing: state checks failed, or time ran out).
 */
export interface TrackedChange {
  readonly attemptId: string;
  readonly phase: 'connected' | 'ended' | 'lost';
}

let onChange: ((change: TrackedChange) => Promise<void>) | undefined;

/**
 * Who is told of each change (the call list goes on from there). Set once when the worker starts,
 * so a worker restarted mid-call still tells; the listener runs after tracking stored the change.
 */
export function onTrackedCallChange(listener: (change: TrackedChange) => Promise<void>): void {
  onChange = listener;
}

export type NewTrackedCall = Omit<TrackedCall, 'phase' | 'startedAt' | 'failures'>;

/** Starts following a call that is ringing the user's device (replacing any call followed before). */
export async function track(call: NewTrackedCall, now = Date.now()): Promise<void> {
  await tracked.set({ ...call, phase: 'ringing', startedAt: now, failures: 0 });
  if (call.callId) {
    await browser.alarms.create(TRACKING_ALARM, { periodInMinutes: 0.5 });
    schedule(POLL_INTERVAL_MS);
  } else {
    await browser.alarms.create(TRACKING_ALARM, { when: now + RINGING_WINDOW_MS });
    schedule(RINGING_WINDOW_MS);
  }
}

/** Carries on after the worker restarted (an alarm fired, or any message arrived). */
export async function resumeTracking(): Promise<void> {
  if (timer === undefined && (await tracked.get())) schedule(0);
}

/** One look at the tracked call. Exported for tests; runs one at a time. */
export function checkTrackedCall(now = Date.now()): Promise<void> {
  return exclusive('trackedCall', () => check(now));
}

/** The call being followed, if any. */
export function trackedCall(): Promise<TrackedCall | undefined> {
  return tracked.get();
}

/**
 * Ends the followed call as the provider telling "ended" would (the user hung up from the popup).
 * Nothing happens when a different call, or none, is followed by now.
 */
export function endTrackedCall(attemptId: string, now = Date.now()): Promise<void> {
  return exclusive('trackedCall', async () => {
    const call = await tracked.get();
    if (call?.attemptId === attemptId) await ended(call, now);
  });
}

/** Stops following the current call (its account went away; tests end). */
export function stopTracking(): Promise<void> {
  return exclusive('trackedCall', finish);
}

function schedule(delayMs: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void checkTrackedCall().catch((error: unknown) => {
      console.warn('Ringback: call tracking failed', error instanceof Error ? error.name : typeof error);
    });
  }, delayMs);
}

async function check(now: number): Promise<void> {
  const call = await tracked.get();
  if (!call) return stop();
  const age = now - call.startedAt;
  if (!call.callId) return age >= RINGING_WINDOW_MS ? lost(call) : schedule(RINGING_WINDOW_MS - age);
  if (age > MAX_TRACKING_MS) return lost(call);

  const state = await stateOf(call);
  if (state === undefined) {
    if (call.failures + 1 >= MAX_FAILURES) return lost(call);
    await tracked.set({ ...call, failures: call.failures + 1 });
    return schedule(POLL_INTERVAL_MS);
  }
  if (state === 'ended') return ended(call, now);
  if (state !== call.phase) {
    await updateEntry(call.attemptId, { outcome: state });
    await announce({ phase: state, number: call.number }, feedback(call), now);
  }
  await tracked.set({ ...call, phase: state, failures: 0 });
  schedule(POLL_INTERVAL_MS);
  if (state === 'connected' && call.phase !== 'connected') await tell(call, 'connected');
}

async function ended(call: TrackedCall, now: number): Promise<void> {
  // A call that was connected stays "connected" in history: that is what the user wants to know.
  if (call.phase !== 'connected') await updateEntry(call.attemptId, { outcome: 'ended' });
  await announce({ phase: 'ended', number: call.number }, feedback(call), now);
  await finish();
  await tell(call, 'ended');
}

async function lost(call: TrackedCall): Promise<void> {
  await finish();
  await tell(call, 'lost');
}

/** After tracking is done with the change: a listener that places the next call starts afresh. */
async function tell(call: TrackedCall, phase: TrackedChange['phase']): Promise<void> {
  await onChange?.({ attemptId: call.attemptId, phase });
}

async function stateOf(call: TrackedCall): Promise<CallState | undefined> {
  const settings = await loadSettings();
  const account = settings.accounts.find((a) => a.id === call.accountId);
  try {
    const provider = account ? await providerFor(account) : undefined;
    if (!provider || !call.callId) return undefined;
    return await provider.callState({ callId: call.callId });
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return undefined;
  }
}

function feedback(call: TrackedCall) {
  return { attemptId: call.attemptId, display: call.display, notify: call.notify };
}

async function finish(): Promise<void> {
  await showCallBadge(undefined);
  await stop();
}

async function stop(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  await tracked.clear();
  await browser.alarms.clear(TRACKING_ALARM);
}
