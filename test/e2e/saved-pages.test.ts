/**
 * Real saved pages nobody here wrote (test/fixtures/saved-pages), through the built extension in
 * Chromium, each served under the host it was saved from: no mark may call a different number
 * than the one written there. False marks and misses are reported, not asserted (the bench's
 * "saved pages" section prints them per page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureAccount, type LoadedExtension, launchWithExtension } from '../support/extension';
import {
  loadLabels,
  type PageScore,
  SAVED_PAGES_DIR,
  savedPageHostRules,
  scorePage,
  totalsOf,
} from '../support/saved-pages';
import { type PageServer, startPageServer } from '../support/static-server';

const labels = loadLabels();
let server: PageServer;
let extension: LoadedExtension;

beforeAll(async () => {
  server = await startPageServer(0, SAVED_PAGES_DIR);
  extension = await launchWithExtension({ args: savedPageHostRules(labels) });
  // An account whose provider is never reached: the user's default country is Germany.
  await configureAccount(extension, {
    provider: 'fonial',
    baseUrl: 'http://127.0.0.1:9/fonial/api/2.0',
    credentials: { username: 'e2e', password: 'e2e' },
    extra: { defaultCountry: 'DE' },
  });
});

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

describe('real saved pages', () => {
  it('never marks a number that would call someone other than the number written', async () => {
    const scores: PageScore[] = [];
    for (const page of labels) scores.push(await scorePage(extension, server, page));
    const totals = totalsOf(scores, labels);
    console.info(
      `saved pages: ${totals.marks} marks, ${totals.right} right, ${totals.false} false, ${totals.wrong} wrong, ` +
        `${totals.missed} of ${totals.labelled} labelled numbers missed`,
    );
    const wrong = scores.flatMap((s) =>
      s.marks.filter((m) => m.verdict === 'wrong').map((m) => ({ page: s.page, ...m })),
    );
    expect(wrong).toEqual([]);
    // Generous: most of what is labelled is found (the bench prints the exact figures).
    expect(totals.right).toBeGreaterThan(totals.labelled / 2);
  }, 300_000);
});
