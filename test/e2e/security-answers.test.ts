/**
 * Issue #14 item 6 where the browser matters: a redirect to another host, in real Chromium (whose
 * fetch, not Node's, decides what a redirect does to a request with a login). The service worker
 * must not follow it: the card says so in its own sentence, the history keeps the attempt, the
 * call is sent once, and the other host receives nothing. And a 10 MB answer ends in its sentence
 * without the worker reading all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/messages';
import { type Simulator, startSimulator } from '../sim/server';
import { ask, openQuietExtensionPage } from '../support/background';
import { numberPoint } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();
let elsewhere: Simulator;

beforeAll(async () => {
  elsewhere = await startSimulator();
});

afterAll(async () => {
  await elsewhere?.close();
});

const CALL_PATH = '/call/initiate';

async function clickCall(): Promise<import('playwright-core').Page> {
  const page = await e2e.extension.context.newPage();
  await page.goto(e2e.pages.url('crm-contacts.html'));
  const point = await numberPoint(page, '0221 66966966');
  await page.mouse.move(point.x, point.y);
  const button = page.locator('ringback-ui button.call');
  await expect.poll(() => button.isVisible()).toBe(true);
  await button.click();
  return page;
}

async function latestHistory(): Promise<HistoryEntry | undefined> {
  const quiet = await openQuietExtensionPage(e2e.extension);
  const history = await ask<readonly HistoryEntry[]>(quiet, { type: 'history' });
  await quiet.close();
  return history.ok ? history.value[0] : undefined;
}

describe('provider answers that are not the provider’s, in Chromium', () => {
  it('does not follow a redirect of the call to another host', async () => {
    e2e.sim.fault({ kind: 'redirect', provider: 'fonial', path: CALL_PATH, location: elsewhere.origin, times: 1 });
    const page = await clickCall();
    await page
      .locator('ringback-ui [role=status]')
      .getByText(/answered with a redirect to another address/)
      .waitFor();
    expect(e2e.sim.received('fonial', CALL_PATH)).toHaveLength(1);
    expect(elsewhere.requests).toEqual([]);
    expect(await latestHistory()).toMatchObject({ outcome: 'failed', reason: 'errRedirected' });
    await page.close();
  });

  it('does not follow a redirect of the login, so the password goes nowhere else', async () => {
    // The simulator forgot its sessions (reset before each test): the call logs in again first.
    for (const path of ['/session', '/session/authenticate']) {
      e2e.sim.fault({ kind: 'redirect', provider: 'fonial', path, location: elsewhere.origin });
    }
    const page = await clickCall();
    await page
      .locator('ringback-ui [role=status]')
      .getByText(/answered with a redirect to another address/)
      .waitFor();
    expect(elsewhere.requests).toEqual([]);
    expect(e2e.sim.received('fonial', '/session/authenticate')).toEqual([]);
    e2e.sim.clearFaults();
    await page.close();
  });

  it('drops a 10 MB answer to the call, says the outcome is unknown, and never asks twice', async () => {
    e2e.sim.fault({ kind: 'huge-body', provider: 'fonial', path: CALL_PATH, times: 1 });
    const page = await clickCall();
    await page
      .locator('ringback-ui [role=status]')
      .getByText(/larger than the 2 MB Ringback reads/)
      .waitFor();
    expect(e2e.sim.received('fonial', CALL_PATH)).toHaveLength(1);
    expect(await latestHistory()).toMatchObject({ outcome: 'unknown', reason: 'errAnswerTooLargeUnknown' });
    await page.close();
  });
});
