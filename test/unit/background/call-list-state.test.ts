/**
 * The call list's state machine, transition by transition: what each event does in each phase,
 * and above all that no sequence of events places a second call while one is placed or up.
 */
import { describe, expect, it } from 'vitest';
import {
  type CallList,
  type CallListEvent,
  holdsLine,
  nextPending,
  startList,
  step,
} from '../../../src/background/call-list-state';
import type { CallListMode, CallListPhase } from '../../../src/messages';

const A = '+4922166966966';
const B = '+3225551212';
const C = '+31201234567';
const PREMIUM = '+499005123456';
const PAUSE = 10_000;
const T0 = 1_000_000;

const noConfirmation = () => undefined;
const premiumAsks = (number: string) => (number === PREMIUM ? 'confirmReasonPremium' : undefined);

function list(mode: CallListMode, numbers = [A, B, C]): CallList {
  return startList({ id: 'list-1', accountId: 'acc', mode, pauseMs: PAUSE, numbers }, T0);
}

/** Runs events in order; returns the list and every call placed on the way. */
function run(start: CallList, events: readonly CallListEvent[], confirm = noConfirmation) {
  let current = start;
  const placed: string[] = [];
  for (const event of events) {
    const transition = step(current, event, confirm);
    if (transition.place) placed.push(transition.place.number);
    current = transition.list;
  }
  return { list: current, placed };
}

const tick = (now = T0): CallListEvent => ({ type: 'tick', now });
const ringing = (attemptId: string, now = T0): CallListEvent => ({
  type: 'placed',
  outcome: { phase: 'ringing', attemptId },
  now,
});
const ended = (attemptId: string, now = T0): CallListEvent => ({ type: 'call-over', attemptId, how: 'ended', now });

describe('starting a call list', () => {
  it('keeps the numbers in order, each once, all pending, the first call due at once', () => {
    const started = list('follow', [A, B, A, C]);
    expect(started.entries.map((e) => e.number)).toEqual([A, B, C]);
    expect(started.entries.every((e) => e.outcome === 'pending')).toBe(true);
    expect(started).toMatchObject({ phase: 'waiting', nextAt: T0, current: -1, paused: false });
  });

  it('places the first call on the first tick, in both modes', () => {
    for (const mode of ['follow', 'next'] as const) {
      const transition = step(list(mode), tick(), noConfirmation);
      expect(transition.place).toEqual({ index: 0, number: A, confirmed: false });
      expect(transition.list).toMatchObject({ phase: 'placing', current: 0 });
    }
  });
});

describe('following the provider (sipgate, Fonema)', () => {
  it('waits for the call to end, then the pause, then calls the next number', () => {
    let { list: l } = run(list('follow'), [tick(), ringing('a1')]);
    expect(l).toMatchObject({ phase: 'in-call', current: 0 });
    expect(l.entries[0]).toMatchObject({ outcome: 'ringing', attemptId: 'a1' });
    // Nothing happens while the call is up, however often the timer fires.
    expect(step(l, tick(T0 + 60_000), noConfirmation)).toEqual({ list: l });

    l = run(l, [{ type: 'connected', attemptId: 'a1' }, ended('a1', T0 + 5_000)]).list;
    expect(l.entries[0]?.outcome).toBe('connected');
    expect(l).toMatchObject({ phase: 'waiting', nextAt: T0 + 5_000 + PAUSE });
    // Not before the pause is over…
    expect(step(l, tick(T0 + 5_000 + PAUSE - 1), noConfirmation).place).toBeUndefined();
    // …then the next number.
    const next = step(l, tick(T0 + 5_000 + PAUSE), noConfirmation);
    expect(next.place).toEqual({ index: 1, number: B, confirmed: false });
    expect(next.list.current).toBe(1);
  });

  it('marks a call that ended unanswered as ended, and finishes after the last one', () => {
    const { list: l, placed } = run(list('follow'), [
      tick(),
      ringing('a1'),
      ended('a1'),
      tick(T0 + PAUSE),
      ringing('a2'),
      ended('a2'),
      tick(T0 + PAUSE),
      ringing('a3'),
      ended('a3'),
    ]);
    expect(placed).toEqual([A, B, C]);
    expect(l.entries.map((e) => e.outcome)).toEqual(['ended', 'ended', 'ended']);
    expect(l).toMatchObject({ phase: 'done', end: 'completed' });
    expect(l.nextAt).toBeUndefined();
  });

  it('pauses: the call in progress goes on, no next call until resumed, then at once', () => {
    let { list: l } = run(list('follow'), [tick(), ringing('a1'), { type: 'pause' }, ended('a1')]);
    expect(l).toMatchObject({ phase: 'waiting', paused: true });
    expect(step(l, tick(T0 + 10 * PAUSE), noConfirmation).place).toBeUndefined();
    const resumed = step(l, { type: 'resume', now: T0 + 99 }, noConfirmation);
    expect(resumed.list).toMatchObject({ paused: false, nextAt: T0 + 99 });
    l = resumed.list;
    expect(step(l, tick(T0 + 99), noConfirmation).place?.number).toBe(B);
  });

  it('resuming during a call only lifts the pause', () => {
    const { list: l } = run(list('follow'), [tick(), ringing('a1'), { type: 'pause' }, { type: 'resume', now: T0 }]);
    expect(l).toMatchObject({ phase: 'in-call', paused: false });
    expect(l.nextAt).toBeUndefined();
  });

  it('skips the next number, during a call or while waiting', () => {
    const duringCall = run(list('follow'), [tick(), ringing('a1'), { type: 'skip', now: T0 }, ended('a1')]);
    expect(duringCall.list.entries.map((e) => e.outcome)).toEqual(['ended', 'skipped', 'pending']);
    expect(step(duringCall.list, tick(T0 + PAUSE), noConfirmation).place?.number).toBe(C);

    const waiting = run(list('follow'), [tick(), ringing('a1'), ended('a1'), { type: 'skip', now: T0 }]);
    expect(waiting.list).toMatchObject({ phase: 'waiting' });
    expect(step(waiting.list, tick(T0 + PAUSE), noConfirmation).place?.number).toBe(C);
  });

  it('finishes when the last pending number is skipped while waiting', () => {
    const { list: l } = run(list('follow', [A, B]), [tick(), ringing('a1'), ended('a1'), { type: 'skip', now: T0 }]);
    expect(l).toMatchObject({ phase: 'done', end: 'completed' });
    expect(l.entries.map((e) => e.outcome)).toEqual(['ended', 'skipped']);
  });

  it('does not call on by itself after a call it lost track of', () => {
    const { list: l } = run(list('follow'), [
      tick(),
      ringing('a1'),
      { type: 'call-over', attemptId: 'a1', how: 'lost', now: T0 },
    ]);
    expect(l).toMatchObject({ phase: 'waiting', paused: true });
    // The entry keeps what was last known.
    expect(l.entries[0]?.outcome).toBe('ringing');
  });

  it('pauses after a failed call (the same failure would likely hit every number)', () => {
    const { list: l } = run(list('follow'), [
      tick(),
      { type: 'placed', outcome: { phase: 'failed', attemptId: 'a1', reason: 'errNoCredentials' }, now: T0 },
    ]);
    expect(l).toMatchObject({ phase: 'waiting', paused: true });
    expect(l.entries[0]).toMatchObject({ outcome: 'failed', reason: 'errNoCredentials' });
    expect(step(l, { type: 'resume', now: T0 }, noConfirmation).list).toMatchObject({ paused: false });
  });

  it('ignores a call-over for a call that is not the list’s', () => {
    const { list: l } = run(list('follow'), [tick(), ringing('a1')]);
    expect(step(l, ended('someone-else'), noConfirmation).list).toEqual(l);
  });

  it('does not offer Next', () => {
    const { list: l } = run(list('follow'), [tick(), ringing('a1'), ended('a1')]);
    expect(step(l, { type: 'next' }, noConfirmation)).toEqual({ list: l });
  });
});

describe('Next button (fonial, VoipCenter)', () => {
  it('waits for Next after each call, and is done after the last one rang', () => {
    let { list: l } = run(list('next'), [tick(), ringing('a1')]);
    expect(l).toMatchObject({ phase: 'ready', current: 0 });
    // Time alone does nothing.
    expect(step(l, tick(T0 + 3_600_000), noConfirmation)).toEqual({ list: l });
    const next = run(l, [{ type: 'next' }, ringing('a2'), { type: 'next' }, ringing('a3')]);
    expect(next.placed).toEqual([B, C]);
    l = next.list;
    expect(l).toMatchObject({ phase: 'done', end: 'completed' });
    expect(l.entries.map((e) => e.outcome)).toEqual(['ringing', 'ringing', 'ringing']);
  });

  it('skips the next number; Next then calls the one after', () => {
    const { list: l, placed } = run(list('next'), [tick(), ringing('a1'), { type: 'skip', now: T0 }, { type: 'next' }]);
    expect(placed).toEqual([A, C]);
    expect(l.entries[1]?.outcome).toBe('skipped');
  });

  it('stays ready after a failed call', () => {
    const { list: l } = run(list('next'), [tick(), { type: 'placed', outcome: { phase: 'failed' }, now: T0 }]);
    expect(l).toMatchObject({ phase: 'ready' });
  });
});

describe('never two calls at once', () => {
  it('places one call when two triggers arrive together', () => {
    for (const mode of ['follow', 'next'] as const) {
      const first = step(list(mode), tick(), noConfirmation);
      // The second trigger sees the first's result: the list is placing.
      expect(step(first.list, tick(), noConfirmation).place).toBeUndefined();
      expect(step(first.list, { type: 'next' }, noConfirmation).place).toBeUndefined();
      expect(step(first.list, { type: 'confirm' }, noConfirmation).place).toBeUndefined();
      expect(step(first.list, { type: 'resume', now: T0 }, noConfirmation).place).toBeUndefined();
    }
    const ready = run(list('next'), [tick(), ringing('a1')]).list;
    const next = step(ready, { type: 'next' }, noConfirmation);
    expect(next.place?.number).toBe(B);
    expect(step(next.list, { type: 'next' }, noConfirmation).place).toBeUndefined();
  });

  it('places nothing from any phase but waiting (due, not paused), ready (on Next) and confirm (on confirm)', () => {
    const events: CallListEvent[] = [
      tick(T0 + 3_600_000),
      { type: 'next' },
      { type: 'confirm' },
      { type: 'pause' },
      { type: 'resume', now: T0 },
      { type: 'skip', now: T0 },
      { type: 'stop' },
      { type: 'connected', attemptId: 'a1' },
      ended('a1'),
      { type: 'placed', outcome: { phase: 'ringing', attemptId: 'a1' }, now: T0 },
      { type: 'worker-restarted' },
    ];
    const phases: Record<CallListPhase, CallList> = {
      placing: step(list('follow'), tick(), noConfirmation).list,
      'in-call': run(list('follow'), [tick(), ringing('a1')]).list,
      waiting: run(list('follow'), [tick(), ringing('a1'), { type: 'pause' }, ended('a1')]).list,
      ready: run(list('next'), [tick(), ringing('a1')]).list,
      confirm: step(list('follow', [PREMIUM, A]), tick(), premiumAsks).list,
      done: run(list('follow'), [{ type: 'stop' }]).list,
    };
    const allowed: Record<CallListPhase, readonly string[]> = {
      placing: [],
      'in-call': [],
      waiting: [],
      ready: ['next'],
      confirm: ['confirm'],
      done: [],
    };
    for (const [phase, start] of Object.entries(phases) as [CallListPhase, CallList][]) {
      expect(start.phase).toBe(phase);
      for (const event of events) {
        const placed = step(start, event, premiumAsks).place !== undefined;
        expect({ phase, event: event.type, placed }).toEqual({
          phase,
          event: event.type,
          placed: allowed[phase].includes(event.type),
        });
      }
    }
  });

  it('holds the line while placing, in a call, or about to call', () => {
    expect(holdsLine(undefined)).toBe(false);
    expect(holdsLine(list('follow'))).toBe(true);
    expect(holdsLine(step(list('next'), tick(), noConfirmation).list)).toBe(true);
    expect(holdsLine(run(list('follow'), [tick(), ringing('a1')]).list)).toBe(true);
    expect(holdsLine(run(list('follow'), [tick(), ringing('a1'), { type: 'pause' }, ended('a1')]).list)).toBe(false);
    expect(holdsLine(run(list('next'), [tick(), ringing('a1')]).list)).toBe(false);
    expect(holdsLine(run(list('follow'), [{ type: 'stop' }]).list)).toBe(false);
  });
});

describe('confirmation, unknown outcomes, stopping', () => {
  it('stops at a number that needs confirmation and calls it only once confirmed', () => {
    const asked = step(list('follow', [PREMIUM, A]), tick(), premiumAsks);
    expect(asked.place).toBeUndefined();
    expect(asked.list).toMatchObject({ phase: 'confirm', current: 0, confirmReason: 'confirmReasonPremium' });
    expect(holdsLine(asked.list)).toBe(false);
    const confirmed = step(asked.list, { type: 'confirm' }, premiumAsks);
    expect(confirmed.place).toEqual({ index: 0, number: PREMIUM, confirmed: true });
    expect(confirmed.list.confirmReason).toBeUndefined();
  });

  it('skips a number that needs confirmation and goes on after the pause', () => {
    const asked = step(list('follow', [PREMIUM, A]), tick(), premiumAsks).list;
    const skipped = step(asked, { type: 'skip', now: T0 }, premiumAsks).list;
    expect(skipped).toMatchObject({ phase: 'waiting', nextAt: T0 + PAUSE });
    expect(skipped.entries[0]?.outcome).toBe('skipped');
    expect(step(skipped, tick(T0 + PAUSE), premiumAsks).place?.number).toBe(A);

    const nextMode = step(list('next', [PREMIUM, A]), tick(), premiumAsks).list;
    expect(step(nextMode, { type: 'skip', now: T0 }, premiumAsks).list).toMatchObject({ phase: 'ready' });
  });

  it('asks again when the background asked for confirmation after all', () => {
    const { list: l } = run(list('follow'), [
      tick(),
      { type: 'placed', outcome: { phase: 'confirm', reason: 'confirmReasonInternational' }, now: T0 },
    ]);
    expect(l).toMatchObject({ phase: 'confirm', current: 0, confirmReason: 'confirmReasonInternational' });
  });

  it('stops the list at a call with an unknown outcome, which is never placed again', () => {
    const { list: l } = run(list('follow'), [
      tick(),
      { type: 'placed', outcome: { phase: 'unknown', attemptId: 'a1', reason: 'errNetwork' }, now: T0 },
    ]);
    expect(l).toMatchObject({ phase: 'done', end: 'unknown' });
    expect(l.entries[0]).toMatchObject({ outcome: 'unknown', attemptId: 'a1', reason: 'errNetwork' });
    for (const event of [tick(T0 + 3_600_000), { type: 'next' } as const, { type: 'resume', now: T0 } as const]) {
      expect(step(l, event, noConfirmation).place).toBeUndefined();
    }
  });

  it('treats a list found placing by a restarted worker as unknown', () => {
    const placing = step(list('follow'), tick(), noConfirmation).list;
    const { list: l } = run(placing, [{ type: 'worker-restarted' }]);
    expect(l).toMatchObject({ phase: 'done', end: 'unknown' });
    expect(l.entries[0]).toMatchObject({ outcome: 'unknown', reason: 'errUnknownOutcome' });
    // Anywhere else it changes nothing.
    const inCall = run(list('follow'), [tick(), ringing('a1')]).list;
    expect(step(inCall, { type: 'worker-restarted' }, noConfirmation).list).toEqual(inCall);
  });

  it('stops from any phase; what the call in progress does is still recorded', () => {
    const stopped = run(list('follow'), [tick(), ringing('a1'), { type: 'stop' }]).list;
    expect(stopped).toMatchObject({ phase: 'done', end: 'stopped' });
    expect(stopped.entries.map((e) => e.outcome)).toEqual(['ringing', 'pending', 'pending']);
    const later = run(stopped, [{ type: 'connected', attemptId: 'a1' }, ended('a1')]).list;
    expect(later).toMatchObject({ phase: 'done', end: 'stopped' });
    expect(later.entries[0]?.outcome).toBe('connected');
  });

  it('records the outcome of a call that was being placed when the list was stopped', () => {
    const stopped = run(list('follow'), [tick(), { type: 'stop' }]).list;
    const after = step(stopped, ringing('a1'), noConfirmation).list;
    expect(after).toMatchObject({ phase: 'done', end: 'stopped' });
    expect(after.entries[0]).toMatchObject({ outcome: 'ringing', attemptId: 'a1' });
  });

  it('finds the next pending number after the current one', () => {
    expect(nextPending(list('follow'))).toBe(0);
    const l = run(list('follow'), [tick(), ringing('a1'), { type: 'skip', now: T0 }]).list;
    expect(nextPending(l)).toBe(2);
  });
});
