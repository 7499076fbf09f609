/**
 * A call list as a small state machine: which number is called, what happened to each, and what
 * the list waits for next. Pure (no browser, no clock of its own) so every transition is tested
 * on its own; background/call-list.ts stores the list, runs the timers and places the calls.
 *
 * Two ways to go on after a call: `follow` for providers that tell when a call ended (sipgate,
 * Fonema) — the next call waits until the previous one ended plus the user's pause; `next` for
 * providers that do not (fonial, VoipCenter) — the user presses Next. Never two calls at once: a
 * call is only placed from a state that has none in progress, and placing is itself a state.
 */
import type {
  CallListEnd,
  CallListMode,
  CallListPhase,
  CallOrigin,
  CallListOutcome as EntryOutcome,
} from '../messages';

export interface CallListEntry {
  /** E.164, as the page's number was understood; the call goes to exactly this. */
  readonly number: string;
  readonly outcome: EntryOutcome;
  /** The history entry of its call, once one was placed. */
  readonly attemptId?: string;
  /** Message key explaining a failure or an unknown outcome. */
  readonly reason?: string;
}

/**
 * `phase`:
 * - `placing`: the request for `entries[current]` is on its way (its outcome is not known yet)
 * - `in-call`: follow mode, that call rings or is connected; the list waits for it to end
 * - `waiting`: follow mode, the next call is placed at `nextAt` (unless paused)
 * - `ready`: next mode, the next call is placed when the user presses Next
 * - `confirm`: `entries[current]` needs the user's confirmation (risk rules) before it is called
 * - `done`: the list is over (`end` says why); it stays shown until the user closes it
 */
export interface CallList {
  readonly id: string;
  readonly accountId: string;
  readonly mode: CallListMode;
  readonly pauseMs: number;
  /** The page the numbers came from: every call of the list is logged against it. */
  readonly origin?: CallOrigin;
  readonly entries: readonly CallListEntry[];
  /** The entry called last (or being called, or asking for confirmation); -1 before the first. */
  readonly current: number;
  readonly phase: CallListPhase;
  /** Paused by the user: no new call is placed until they resume (a call in progress goes on). */
  readonly paused: boolean;
  /** `waiting`: when the next call is due (Unix ms). */
  readonly nextAt?: number;
  /** `confirm`: the message key saying why; `placing`: whether the user confirmed this call. */
  readonly confirmReason?: string;
  readonly confirmed?: boolean;
  readonly end?: CallListEnd;
}

export interface NewCallList {
  readonly id: string;
  readonly accountId: string;
  readonly mode: CallListMode;
  readonly pauseMs: number;
  readonly numbers: readonly string[];
  readonly origin?: CallOrigin;
}

/** What the caller must do after a transition: place the call of `entries[index]`. */
export interface PlaceEffect {
  readonly index: number;
  readonly number: string;
  readonly confirmed: boolean;
}

/** How the request for a list call ended. */
export type PlacedOutcome =
  | { readonly phase: 'ringing'; readonly attemptId: string }
  | { readonly phase: 'failed' | 'unknown'; readonly attemptId?: string; readonly reason?: string }
  /** The background asked for confirmation after all (the rules changed since the list looked). */
  | { readonly phase: 'confirm'; readonly reason?: string };

export type CallListEvent =
  /** A timer fired or the worker woke: a due `waiting` list places its next call. */
  | { readonly type: 'tick'; readonly now: number }
  | { readonly type: 'next' }
  | { readonly type: 'confirm' }
  | { readonly type: 'placed'; readonly outcome: PlacedOutcome; readonly now: number }
  /** The followed call of this attempt was answered. */
  | { readonly type: 'connected'; readonly attemptId: string }
  /**
   * The followed call is over: `ended` as the provider (or a hang-up) said, or `lost` when
   * Ringback stopped following it without knowing (state checks failed, time ran out).
   */
  | { readonly type: 'call-over'; readonly attemptId: string; readonly how: 'ended' | 'lost'; readonly now: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume'; readonly now: number }
  | { readonly type: 'skip'; readonly now: number }
  | { readonly type: 'stop' }
  /** The worker found the list `placing` but was not placing it: it was stopped mid-request. */
  | { readonly type: 'worker-restarted' };

export interface Transition {
  readonly list: CallList;
  readonly place?: PlaceEffect;
}

/** A new list; its first call is due at once (`tick`), in both modes. */
export function startList(input: NewCallList, now: number): CallList {
  return {
    id: input.id,
    accountId: input.accountId,
    mode: input.mode,
    pauseMs: input.pauseMs,
    ...(input.origin ? { origin: input.origin } : {}),
    entries: [...new Set(input.numbers)].map((number) => ({ number, outcome: 'pending' })),
    current: -1,
    phase: 'waiting',
    paused: false,
    nextAt: now,
  };
}

/**
 * One step of the machine. `needsConfirmation` tells which numbers the risk rules hold back (the
 * list asks instead of calling them). An event that does not apply in the list's state changes
 * nothing: two triggers at once (a timer and an alarm, a double click on Next) place one call.
 */
export function step(
  list: CallList,
  event: CallListEvent,
  needsConfirmation: (number: string) => string | undefined,
): Transition {
  // What happens to a call goes on record even after the list was stopped.
  if (event.type === 'connected') return { list: withOutcome(list, event.attemptId, 'connected') };
  if (event.type === 'call-over') return { list: callOver(list, event) };
  if (event.type === 'placed' && list.phase === 'done') return { list: placedAfterStop(list, event.outcome) };
  if (list.phase === 'done') return { list };
  switch (event.type) {
    case 'tick':
      if (list.phase !== 'waiting' || list.paused || (list.nextAt ?? 0) > event.now) return { list };
      return callNext(list, needsConfirmation);
    case 'next':
      if (list.phase !== 'ready' || list.mode !== 'next') return { list };
      return callNext(list, needsConfirmation);
    case 'confirm': {
      const entry = list.entries[list.current];
      if (list.phase !== 'confirm' || !entry) return { list };
      return placing(list, list.current, true);
    }
    case 'placed':
      return list.phase === 'placing' ? { list: placed(list, event.outcome, event.now) } : { list };
    case 'pause':
      return { list: { ...list, paused: true } };
    case 'resume':
      if (!list.paused) return { list };
      // The user is back: a list that was only waiting places its next call now.
      return { list: { ...list, paused: false, ...(list.phase === 'waiting' ? { nextAt: event.now } : {}) } };
    case 'skip':
      return { list: skip(list, event.now) };
    case 'stop':
      return { list: finished(list, 'stopped') };
    case 'worker-restarted':
      if (list.phase !== 'placing') return { list };
      // The request may have reached the provider: the outcome is unknown, and it is never repeated.
      return {
        list: finished(setEntry(list, list.current, { outcome: 'unknown', reason: 'errUnknownOutcome' }), 'unknown'),
      };
  }
}

/** The index of the next number still to call, or -1. */
export function nextPending(list: CallList): number {
  return list.entries.findIndex((entry, index) => index > list.current && entry.outcome === 'pending');
}

/**
 * Whether the list holds the line: a call of it is being placed or is in progress, or the next one
 * is about to be placed. A manual call is refused meanwhile, so two calls never overlap.
 */
export function holdsLine(list: CallList | undefined): boolean {
  if (!list) return false;
  return list.phase === 'placing' || list.phase === 'in-call' || (list.phase === 'waiting' && !list.paused);
}

function callNext(list: CallList, needsConfirmation: (number: string) => string | undefined): Transition {
  const index = nextPending(list);
  const entry = list.entries[index];
  if (!entry) return { list: finished(list, 'completed') };
  const reason = needsConfirmation(entry.number);
  if (reason) {
    const { nextAt: _nextAt, confirmed: _confirmed, ...rest } = list;
    return { list: { ...rest, current: index, phase: 'confirm', confirmReason: reason } };
  }
  return placing(list, index, false);
}

function placing(list: CallList, index: number, confirmed: boolean): Transition {
  const { nextAt: _nextAt, confirmReason: _reason, ...rest } = list;
  const number = list.entries[index]?.number ?? '';
  return {
    list: { ...rest, current: index, phase: 'placing', confirmed },
    place: { index, number, confirmed },
  };
}

function placed(list: CallList, outcome: PlacedOutcome, now: number): CallList {
  const { confirmed: _confirmed, ...rest } = list;
  const at = list.current;
  switch (outcome.phase) {
    case 'ringing': {
      const rang = setEntry(rest, at, { outcome: 'ringing', attemptId: outcome.attemptId });
      if (list.mode === 'follow') return { ...rang, phase: 'in-call' };
      return nextPending(rang) < 0 ? finished(rang, 'completed') : { ...rang, phase: 'ready' };
    }
    case 'failed': {
      // Nothing happened, so going on is safe; but a following list pauses, as the same failure
      // (no credentials, provider down) would likely hit every number: the user decides.
      const failed = setEntry(rest, at, {
        outcome: 'failed',
        ...(outcome.attemptId ? { attemptId: outcome.attemptId } : {}),
        ...(outcome.reason ? { reason: outcome.reason } : {}),
      });
      if (nextPending(failed) < 0) return finished(failed, 'completed');
      return list.mode === 'follow'
        ? { ...failed, phase: 'waiting', paused: true, nextAt: now }
        : { ...failed, phase: 'ready' };
    }
    case 'unknown':
      return finished(
        setEntry(rest, at, {
          outcome: 'unknown',
          ...(outcome.attemptId ? { attemptId: outcome.attemptId } : {}),
          reason: outcome.reason ?? 'errUnknownOutcome',
        }),
        'unknown',
      );
    case 'confirm':
      return { ...rest, phase: 'confirm', confirmReason: outcome.reason ?? 'confirmReasonAlways' };
  }
}

/** The list was stopped while its call was being placed: the entry still tells how that went. */
function placedAfterStop(list: CallList, outcome: PlacedOutcome): CallList {
  if (list.entries[list.current]?.outcome !== 'pending' || outcome.phase === 'confirm') return list;
  return setEntry(list, list.current, {
    outcome: outcome.phase,
    ...(outcome.attemptId ? { attemptId: outcome.attemptId } : {}),
    ...(outcome.phase !== 'ringing' && outcome.reason ? { reason: outcome.reason } : {}),
  });
}

function callOver(list: CallList, event: Extract<CallListEvent, { type: 'call-over' }>): CallList {
  const index = list.entries.findIndex((entry) => entry.attemptId === event.attemptId);
  const entry = list.entries[index];
  if (!entry) return list;
  // A connected call stays "connected": that is what the user wants to know about it.
  const ended =
    entry.outcome === 'connected' || event.how === 'lost' ? list : setEntry(list, index, { outcome: 'ended' });
  if (list.phase !== 'in-call' || index !== list.current) return ended;
  if (nextPending(ended) < 0) return finished(ended, 'completed');
  // Not knowing whether the call is over, the list does not call on by itself.
  return {
    ...ended,
    phase: 'waiting',
    nextAt: event.now + list.pauseMs,
    paused: list.paused || event.how === 'lost',
  };
}

function skip(list: CallList, now: number): CallList {
  if (list.phase === 'placing') return list;
  if (list.phase === 'confirm') {
    const skipped = setEntry(list, list.current, { outcome: 'skipped' });
    const { confirmReason: _reason, ...rest } = skipped;
    if (nextPending(rest) < 0) return finished(rest, 'completed');
    return list.mode === 'follow'
      ? { ...rest, phase: 'waiting', nextAt: now + list.pauseMs }
      : { ...rest, phase: 'ready' };
  }
  const index = nextPending(list);
  if (index < 0) return list;
  const skipped = setEntry(list, index, { outcome: 'skipped' });
  const waitingForNothing = (list.phase === 'waiting' || list.phase === 'ready') && nextPending(skipped) < 0;
  return waitingForNothing ? finished(skipped, 'completed') : skipped;
}

function finished(list: CallList, end: CallListEnd): CallList {
  const { nextAt: _nextAt, confirmReason: _reason, confirmed: _confirmed, ...rest } = list;
  return { ...rest, phase: 'done', paused: false, end };
}

function withOutcome(list: CallList, attemptId: string, outcome: EntryOutcome): CallList {
  const index = list.entries.findIndex((entry) => entry.attemptId === attemptId);
  return index < 0 ? list : setEntry(list, index, { outcome });
}

function setEntry(list: CallList, index: number, change: Partial<CallListEntry>): CallList {
  return { ...list, entries: list.entries.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) };
}
