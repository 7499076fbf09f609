import { describe, expect, it, vi } from 'vitest';
import { prune } from '../../../src/background/history';
import { mergeHistory, type RemoteHistory, sameNumber } from '../../../src/background/history-merge';
import type { HistoryEntry } from '../../../src/messages';
import type { HistoryRecord } from '../../../src/providers/types';
import { HISTORY_MAX_AGE_DAYS, HISTORY_MAX_ENTRIES } from '../../../src/settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MINUTE = 60_000;

const local = (id: string, at: number, extra: Partial<HistoryEntry> = {}) => ({
  id,
  accountId: 'office',
  kind: 'call' as const,
  direction: 'outgoing' as const,
  number: '+4922166966966',
  at,
  outcome: 'ringing' as const,
  provider: 'fonial' as const,
  origin: { title: 'ACME GmbH — Contact', host: 'crm.example' },
  deviceName: 'Telefon Bettina Beispiel',
  ...extra,
});

const record = (id: string, startedAt: number, extra: Partial<HistoryRecord> = {}): HistoryRecord => ({
  id,
  kind: 'call',
  direction: 'outgoing',
  outcome: 'answered',
  from: '+4922166966999',
  to: '+4922166966966',
  startedAt,
  durationSeconds: 95,
  ...extra,
});

const remote = (...records: HistoryRecord[]): RemoteHistory => ({ accountId: 'office', provider: 'fonial', records });

describe('history merge', () => {
  it('shows a call that is in both histories once: with its page, and the provider’s outcome', () => {
    const merged = mergeHistory([local('a1', T0)], remote(record('fonial:out:1', T0 + 40_000)), 0);
    expect(merged).toEqual([
      {
        id: 'a1',
        kind: 'call',
        direction: 'outgoing',
        number: '+4922166966966',
        at: T0,
        outcome: 'answered',
        provider: 'fonial',
        origin: { title: 'ACME GmbH — Contact', host: 'crm.example' },
        deviceName: 'Telefon Bettina Beispiel',
        durationSeconds: 95,
      },
    ]);
  });

  it('adds calls made without Ringback (desk phone, incoming) from the provider', () => {
    const merged = mergeHistory(
      [local('a1', T0)],
      remote(
        record('fonial:out:2', T0 - 60 * MINUTE, { to: '+3293456789' }),
        record('fonial:in:3', T0 + 30 * MINUTE, {
          direction: 'incoming',
          outcome: 'missed',
          from: '+4930123456',
          to: '+4922166966999',
        }),
      ),
      0,
    );
    expect(merged.map((e) => [e.id, e.direction, e.number, e.outcome])).toEqual([
      ['office:fonial:in:3', 'incoming', '+4930123456', 'missed'],
      ['a1', 'outgoing', '+4922166966966', 'ringing'],
      ['office:fonial:out:2', 'outgoing', '+3293456789', 'answered'],
    ]);
  });

  it('matches each provider record to at most one attempt, the nearest in time', () => {
    const merged = mergeHistory(
      [local('first', T0), local('second', T0 + 3 * MINUTE)],
      remote(record('r1', T0 + 3 * MINUTE + 20_000, { durationSeconds: 12 })),
      0,
    );
    expect(merged.find((e) => e.id === 'second')).toMatchObject({ outcome: 'answered', durationSeconds: 12 });
    expect(merged.find((e) => e.id === 'first')).toMatchObject({ outcome: 'ringing' });
    expect(merged).toHaveLength(2);
  });

  it('does not match a record too far from the attempt, another number or another account', () => {
    const merged = mergeHistory(
      [local('a1', T0), local('other-account', T0, { accountId: 'home' } as Partial<HistoryEntry>)],
      remote(record('late', T0 + 30 * MINUTE), record('elsewhere', T0 + 10_000, { to: '+4989123456' })),
      0,
    );
    expect(merged).toHaveLength(4);
    expect(merged.find((e) => e.id === 'a1')?.outcome).toBe('ringing');
  });

  it('matches numbers the provider writes nationally', () => {
    expect(sameNumber('+4922166966966', '022166966966')).toBe(true);
    expect(sameNumber('+4922166966966', '004922166966966')).toBe(true);
    expect(sameNumber('+4922166966966', '+4922166966967')).toBe(false);
    expect(sameNumber('+4922166966966', 'anonymous')).toBe(false);
    const merged = mergeHistory([local('a1', T0)], remote(record('r1', T0 + 5_000, { to: '022166966966' })), 0);
    expect(merged).toHaveLength(1);
  });

  it('keeps a failure Ringback saw when the provider knows nothing better', () => {
    const merged = mergeHistory(
      [local('a1', T0, { outcome: 'failed', reason: 'errUnavailable' })],
      remote(record('r1', T0 + 5_000, { outcome: 'unknown', durationSeconds: undefined })),
      0,
    );
    expect(merged).toEqual([expect.objectContaining({ id: 'a1', outcome: 'failed', reason: 'errUnavailable' })]);
  });

  it('shows a provider SMS as sent, and merges it with the one Ringback logged', () => {
    const sms = local('s1', T0, { kind: 'sms', outcome: 'sent' });
    const merged = mergeHistory(
      [sms],
      remote(record('sms-1', T0 + 2_000, { kind: 'sms', outcome: 'answered', durationSeconds: undefined })),
      0,
    );
    expect(merged).toEqual([expect.objectContaining({ id: 's1', kind: 'sms', outcome: 'sent' })]);
  });

  it('hides provider records from before the user cleared history', () => {
    const merged = mergeHistory([], remote(record('old', T0 - MINUTE), record('new', T0 + MINUTE)), T0);
    expect(merged.map((e) => e.id)).toEqual(['office:new']);
  });

  it('lists a record the provider repeats only once', () => {
    const merged = mergeHistory(
      [],
      remote(record('same', T0, { to: '+4989123456' }), record('same', T0, { to: '+4989123456' })),
      0,
    );
    expect(merged).toHaveLength(1);
  });

  it('never hands out which account or device id an entry went through', () => {
    const [entry] = mergeHistory([{ ...local('a1', T0), deviceId: '674' }], undefined, 0);
    expect(entry).not.toHaveProperty('accountId');
    expect(entry).not.toHaveProperty('deviceId');
  });
});

describe('history pruning', () => {
  it('keeps the newest entries up to the cap, none older than the age limit', () => {
    const now = T0;
    const old = local('old', now - (HISTORY_MAX_AGE_DAYS + 1) * 86_400_000);
    const many = Array.from({ length: HISTORY_MAX_ENTRIES + 10 }, (_, i) => local(`e${i}`, now - i * MINUTE));
    const kept = prune([old, ...many], now);
    expect(kept).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(kept[0]?.id).toBe('e0');
    expect(kept.some((e) => e.id === 'old')).toBe(false);
    expect(kept.at(-1)?.id).toBe(`e${HISTORY_MAX_ENTRIES - 1}`);
  });
});
