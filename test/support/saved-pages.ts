/**
 * Real saved web pages nobody here wrote (test/fixtures/saved-pages, sources and licences in its
 * README), run through the built simulator extension in Chromium and scored against the phone
 * numbers a human reads there (labels.json). Used by the "saved pages" bench section and by the
 * e2e test that asserts no wrong numbers.
 *
 * Each mark is scored by its digits against the labels of its page:
 * - right: a label with the same digits and the same E.164;
 * - wrong: a label with the same digits but another E.164, or whose digits overlap the mark's
 *   (a number cut short, or joined with its neighbour): it would ring someone else;
 * - false: no label anywhere near it (not a phone number).
 * A label none of whose marks was right is missed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadedExtension } from './extension';
import { allPageMarks, listedNumbers } from './page-marks';
import type { PageServer } from './static-server';

export const SAVED_PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'saved-pages');

export interface NumberLabel {
  /** As written on the page. */
  readonly text: string;
  readonly e164: string;
  /** Why, where a human might hesitate. */
  readonly note?: string;
}

export interface PageLabels {
  /** The page's path under SAVED_PAGES_DIR. */
  readonly page: string;
  /** The host it was saved from: it is served under that name, so its domain counts as it would. */
  readonly host: string;
  readonly numbers: readonly NumberLabel[];
  /** Digit strings on the page that look like numbers and are not, with why (documentation only). */
  readonly notNumbers?: readonly { readonly text: string; readonly note: string }[];
}

export interface ScoredMark {
  readonly text: string;
  readonly e164: string;
  readonly verdict: 'right' | 'wrong' | 'false';
}

export interface PageScore {
  readonly page: string;
  readonly marks: readonly ScoredMark[];
  readonly missed: readonly NumberLabel[];
}

export function loadLabels(): PageLabels[] {
  return JSON.parse(readFileSync(join(SAVED_PAGES_DIR, 'labels.json'), 'utf8')) as PageLabels[];
}

/**
 * Chromium flags that resolve every saved page's host to the local page server (nothing else is
 * mapped; the pages' own Content-Security-Policy keeps them from fetching anything).
 */
export function savedPageHostRules(labels: readonly PageLabels[]): string[] {
  const hosts = [...new Set(labels.map((l) => l.host))];
  return [`--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`];
}

/** Opens a saved page under its own host, waits for the scan to settle and scores every mark. */
export async function scorePage(
  extension: LoadedExtension,
  server: PageServer,
  labels: PageLabels,
): Promise<PageScore> {
  const page = await extension.context.newPage();
  try {
    const url = new URL(server.url(labels.page));
    url.hostname = labels.host;
    // A tall viewport: numbers are highlighted near it, so fewer scroll steps collect them all.
    await page.setViewportSize({ width: 1280, height: 3_000 });
    await page.goto(url.href, { waitUntil: 'load' });
    await scanDone(page);
    const marks = await allPageMarks(page);
    const listed = await listedNumbers(extension, page.url());
    const scored = marks.map(({ text }) => {
      const e164 = e164Of(text, listed);
      return { text, e164, verdict: verdictOf(text, e164, labels.numbers) };
    });
    const right = new Set(scored.filter((m) => m.verdict === 'right').map((m) => m.e164));
    const missed = new Map(labels.numbers.filter((n) => !right.has(n.e164)).map((n) => [n.e164, n]));
    return { page: labels.page, marks: scored, missed: [...missed.values()] };
  } finally {
    await page.close();
  }
}

/** The scanner publishes a `ringback-scan` measure when its queue drains. */
async function scanDone(page: Page): Promise<void> {
  await page
    .waitForFunction(() => performance.getEntriesByName('ringback-scan').length > 0, undefined, {
      timeout: 20_000,
      polling: 100,
    })
    // A page with no text worth scanning may finish before the measure is observable: go on.
    .catch(() => undefined);
}

/**
 * The E.164 a mark calls. The popup's list holds each number once, with the text of its first
 * mark; a later mark of the same number written alike has the same text, one written otherwise
 * has the same digits once a `+`/`00` country code and trunk `0` are set aside.
 */
function e164Of(text: string, listed: readonly { text: string; e164: string }[]): string {
  const same = listed.find((n) => n.text === text);
  if (same) return same.e164;
  const digits = digitsOf(text).replace(/^0+/, '');
  const alike = listed.find((n) => n.e164.slice(1).endsWith(digits) || digitsOf(n.text).endsWith(digits));
  return alike?.e164 ?? '?';
}

export function verdictOf(text: string, e164: string, labels: readonly NumberLabel[]): ScoredMark['verdict'] {
  const digits = digitsOf(text);
  const same = labels.filter((label) => digitsOf(label.text) === digits);
  if (same.length > 0) return same.some((label) => label.e164 === e164) ? 'right' : 'wrong';
  const overlapping = labels.some((label) => {
    const written = digitsOf(label.text);
    return written.includes(digits) || digits.includes(written);
  });
  return overlapping ? 'wrong' : 'false';
}

/** ASCII digits of a text, full-width and Arabic-Indic digits included. */
export function digitsOf(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/\D/g, '');
}

export interface Totals {
  readonly marks: number;
  readonly right: number;
  readonly false: number;
  readonly wrong: number;
  readonly missed: number;
  readonly labelled: number;
}

export function totalsOf(scores: readonly PageScore[], labels: readonly PageLabels[]): Totals {
  const count = (verdict: ScoredMark['verdict']) =>
    scores.reduce((sum, score) => sum + score.marks.filter((m) => m.verdict === verdict).length, 0);
  return {
    marks: scores.reduce((sum, score) => sum + score.marks.length, 0),
    right: count('right'),
    false: count('false'),
    wrong: count('wrong'),
    missed: scores.reduce((sum, score) => sum + score.missed.length, 0),
    labelled: labels.reduce((sum, page) => sum + new Set(page.numbers.map((n) => n.e164)).size, 0),
  };
}
