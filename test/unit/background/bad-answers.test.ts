/**
 * Issue #14 item 6: answers that are not the provider's, from the simulator over real HTTP, for a
 * call placed through the background: a proxy's web page, JSON broken off half-way, a 10 MB body,
 * a 429 with Retry-After, an answer that never comes, a redirect to another host. Each ends in its
 * own sentence, the attempt stays in the history with its outcome, the call request is sent once,
 * and nothing (least of all the login) reaches the host a redirect points to.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CallReport, HistoryEntry } from '../../../src/messages';
import type { Fault } from '../../sim/types';
import { useSimulator } from '../../support/use-simulator';
import { FONIAL_LOGIN, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();
const elsewhere = useSimulator();

const CALL_PATH = '/call/initiate';

interface Case {
  readonly name: string;
  readonly fault: () => Fault;
  readonly report: Partial<CallReport>;
}

const CASES: readonly Case[] = [
  {
    name: "a proxy's HTML error page",
    fault: () => ({ kind: 'web-page', status: 502 }),
    report: { phase: 'unknown', reason: 'errWebPageUnknown', details: ['502'] },
  },
  {
    name: 'a proxy page saying the PBX is unavailable (503: not taken on)',
    fault: () => ({ kind: 'web-page', status: 503 }),
    report: { phase: 'failed', reason: 'errWebPage', details: ['503'] },
  },
  {
    name: 'JSON broken off half-way',
    fault: () => ({ kind: 'truncated' }),
    report: { phase: 'unknown', reason: 'errAnswerCutOffUnknown' },
  },
  {
    name: 'a 10 MB body',
    fault: () => ({ kind: 'huge-body', bytes: 10_000_000 }),
    report: { phase: 'unknown', reason: 'errAnswerTooLargeUnknown', details: ['2'] },
  },
  {
    name: 'a 429 with Retry-After',
    fault: () => ({ kind: 'rate-limit', retryAfter: '120' }),
    report: { phase: 'failed', reason: 'errRateLimitedWait', details: ['120'] },
  },
  {
    name: 'a redirect to another host',
    fault: () => ({ kind: 'redirect', location: elsewhere.origin }),
    report: { phase: 'failed', reason: 'errRedirected' },
  },
];

describe('a call whose answer is not the provider’s', () => {
  it.each(CASES)('ends in its own sentence after $name, kept in the history, sent once', async (c) => {
    env.sim.fault({ ...c.fault(), provider: 'fonial', path: CALL_PATH, times: 1 });
    const report = await value<CallReport>({ type: 'call', number: '0221 66966966' });
    expect(report).toMatchObject({ number: '+4922166966966', ...c.report });
    expect(env.sim.received('fonial', CALL_PATH)).toHaveLength(1);
    const [entry] = await value<readonly HistoryEntry[]>({ type: 'history' });
    expect(entry).toMatchObject({ number: '+4922166966966', outcome: c.report.phase, reason: c.report.reason });
    expect(elsewhere.requests).toEqual([]);
  });

  it('ends as unknown when the answer never comes, sent once', { timeout: 40_000 }, async () => {
    env.sim.fault({ kind: 'hang', provider: 'fonial', path: CALL_PATH, times: 1 });
    const report = await value<CallReport>({ type: 'call', number: '0221 66966966' });
    expect(report).toMatchObject({ phase: 'unknown', reason: 'errNoAnswerInTime' });
    // The provider got it (and acted): the call must not be asked for again.
    expect(env.sim.received('fonial', CALL_PATH)).toHaveLength(1);
    expect(env.sim.fonial.calls).toHaveLength(1);
    const [entry] = await value<readonly HistoryEntry[]>({ type: 'history' });
    expect(entry).toMatchObject({ outcome: 'unknown', reason: 'errNoAnswerInTime' });
  });

  it('never carries the login along a redirect of the login itself', async () => {
    env.sim.fault({ kind: 'redirect', provider: 'fonial', location: elsewhere.origin });
    const report = await value<CallReport>({ type: 'call', number: '0221 66966966' });
    expect(report).toMatchObject({ phase: 'failed', reason: 'errRedirected' });
    expect(elsewhere.requests).toEqual([]);
    // Only the first login step went out, and it carries no password.
    expect(env.sim.requests.map((r) => r.path)).toEqual(['/session']);
    expect(JSON.stringify(env.sim.requests)).not.toContain(FONIAL_LOGIN.password);
  });
});
