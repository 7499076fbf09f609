import { describe, expect, it } from 'vitest';
import { type IdleEnvironment, IdleScheduler, type SliceStats } from '../../../src/content/idle';

/** A clock and an idle queue the test runs by hand. */
function fakeEnvironment(options: { idle: boolean }) {
  let now = 0;
  const idle: { callback: (deadline: IdleDeadline) => void; timeout: number }[] = [];
  const timers: (() => void)[] = [];
  const env: IdleEnvironment = {
    now: () => now,
    ...(options.idle
      ? {
          requestIdle: (callback, { timeout }) => idle.push({ callback, timeout }),
          cancelIdle: () => idle.splice(0),
        }
      : {}),
    setTimer: (callback) => timers.push(callback),
    clearTimer: () => timers.splice(0),
  };
  return {
    env,
    advance: (ms: number) => {
      now += ms;
    },
    pending: () => idle.length + timers.length,
    /** Runs the next idle callback with `remaining` ms of idle time (or as timed out). */
    runIdle(remaining: number, didTimeout = false) {
      const next = idle.shift();
      next?.callback({ didTimeout, timeRemaining: () => remaining } as IdleDeadline);
      return next;
    },
    /** Runs the next idle callback with an idle period whose remaining time the test controls. */
    runIdleWith(remaining: () => number) {
      idle.shift()?.callback({ didTimeout: false, timeRemaining: remaining } as IdleDeadline);
    },
    runTimer() {
      timers.shift()?.();
    },
  };
}

describe('IdleScheduler', () => {
  it('works in slices that end at the idle deadline, capped at the budget', () => {
    const fake = fakeEnvironment({ idle: true });
    let units = 0;
    const scheduler = new IdleScheduler(
      (shouldYield) => {
        while (!shouldYield()) {
          units++;
          fake.advance(1);
          if (units === 30) return false;
        }
        return true;
      },
      { budgetMs: 8, env: fake.env },
    );
    scheduler.schedule();
    fake.runIdle(3);
    expect(units).toBe(3);
    fake.runIdle(50);
    expect(units).toBe(11);
    expect(fake.pending()).toBe(1);
  });

  it('uses a long idle period for several slices, each its own task', () => {
    const fake = fakeEnvironment({ idle: true });
    const tasks: (() => void)[] = [];
    let units = 0;
    let remaining = 40;
    const scheduler = new IdleScheduler(
      (shouldYield) => {
        while (!shouldYield()) {
          units++;
          remaining -= 1;
          fake.advance(1);
        }
        return true;
      },
      { budgetMs: 8, env: { ...fake.env, postTask: (task) => tasks.push(task) } },
    );
    scheduler.schedule();
    fake.runIdleWith(() => remaining);
    expect(units).toBe(8);
    expect(tasks).toHaveLength(1);
    for (let guard = 0; tasks.length > 0 && guard < 20; guard++) tasks.shift()?.();
    // 40 ms of idle time: five slices of 8 ms, then the next slice waits for the next idle period.
    expect(units).toBe(40);
    expect(fake.pending()).toBe(1);
    scheduler.cancel();
  });

  it('asks for a timeout so a page that is never idle is still scanned', () => {
    const fake = fakeEnvironment({ idle: true });
    const scheduler = new IdleScheduler(() => false, { timeoutMs: 400, env: fake.env });
    scheduler.schedule();
    expect(fake.runIdle(0, true)?.timeout).toBe(400);
  });

  it('still does a little work when the idle period is already over', () => {
    const fake = fakeEnvironment({ idle: true });
    let ran = 0;
    const scheduler = new IdleScheduler(
      (shouldYield) => {
        while (!shouldYield()) {
          ran++;
          fake.advance(0.5);
        }
        return true;
      },
      { env: fake.env },
    );
    scheduler.schedule();
    fake.runIdle(0);
    expect(ran).toBe(2);
  });

  it('asks for one slice at a time', () => {
    const fake = fakeEnvironment({ idle: true });
    const scheduler = new IdleScheduler(() => false, { env: fake.env });
    scheduler.schedule();
    scheduler.schedule();
    expect(fake.pending()).toBe(1);
    scheduler.cancel();
    expect(scheduler.scheduled).toBe(false);
  });

  it('falls back to a timer where requestIdleCallback is missing', () => {
    const fake = fakeEnvironment({ idle: false });
    let slices = 0;
    const scheduler = new IdleScheduler(
      () => {
        slices++;
        return slices < 2;
      },
      { env: fake.env },
    );
    scheduler.schedule();
    fake.runTimer();
    fake.runTimer();
    expect(slices).toBe(2);
    expect(fake.pending()).toBe(0);
  });

  it('reports how long the slices took once the work runs out', () => {
    const fake = fakeEnvironment({ idle: true });
    const reports: SliceStats[] = [];
    let left = 3;
    const scheduler = new IdleScheduler(
      () => {
        fake.advance(left === 3 ? 5 : 2);
        return --left > 0;
      },
      { env: fake.env },
      (stats) => reports.push(stats),
    );
    scheduler.schedule();
    while (fake.pending() > 0) fake.runIdle(10);
    expect(reports).toEqual([{ slices: 3, busyMs: 9, longestSliceMs: 5 }]);
  });
});
