/**
 * Detection on real saved pages in the browser: each page of test/fixtures/saved-pages opened in
 * headless Chromium with the built simulator extension (served from 127.0.0.1), every mark scored
 * against the page's labels (test/support/saved-pages.ts says how). Prints per page and in total:
 * marks, right, false (not a phone number), wrong (would call another number than the one
 * written) and missed. The user's default country is Germany (the simulator account's market),
 * as for most Ringback users: numbers of other countries are found through the page's context.
 */
import { buildSimFlavour, configureAccount, launchWithExtension } from '../support/extension';
import {
  loadLabels,
  type PageScore,
  SAVED_PAGES_DIR,
  savedPageHostRules,
  scorePage,
  totalsOf,
} from '../support/saved-pages';
import { startPageServer } from '../support/static-server';

export async function savedPagesBench(): Promise<Record<string, number | string>> {
  buildSimFlavour();
  const labels = loadLabels();
  const server = await startPageServer(0, SAVED_PAGES_DIR);
  const extension = await launchWithExtension({ args: savedPageHostRules(labels) });
  try {
    // Detection runs where an account exists; this one is never called.
    await configureAccount(extension, {
      provider: 'fonial',
      baseUrl: 'http://127.0.0.1:9/fonial/api/2.0',
      credentials: { username: 'bench', password: 'bench' },
    });
    const scores: PageScore[] = [];
    for (const page of labels) scores.push(await scorePage(extension, server, page));
    const results: Record<string, number | string> = {};
    for (const score of scores) results[score.page] = line(score);
    for (const source of new Set(labels.map((l) => l.page.split('/')[0] ?? ''))) {
      const inSource = scores.filter((s) => s.page.startsWith(`${source}/`));
      results[`${source}/ (${inSource.length} pages)`] = totalsLine(
        inSource,
        labels.filter((l) => l.page.startsWith(`${source}/`)),
      );
    }
    results[`total (${labels.length} pages)`] = totalsLine(scores, labels);
    const totals = totalsOf(scores, labels);
    results['total marks'] = totals.marks;
    results['total right'] = totals.right;
    results['total false'] = totals.false;
    results['total wrong numbers'] = totals.wrong;
    results['total missed'] = totals.missed;
    results['labelled numbers'] = totals.labelled;
    const wrong = scores.flatMap((s) =>
      s.marks.filter((m) => m.verdict === 'wrong').map((m) => `${s.page}: ${m.text} → ${m.e164}`),
    );
    const falseMarks = scores.flatMap((s) =>
      s.marks.filter((m) => m.verdict === 'false').map((m) => `${s.page}: ${m.text}`),
    );
    const missed = scores.flatMap((s) => s.missed.map((m) => `${s.page}: ${m.text}`));
    if (wrong.length > 0) results['wrong numbers'] = wrong.join('; ');
    if (falseMarks.length > 0) results['false marks'] = falseMarks.join('; ');
    if (missed.length > 0) results.missed = missed.join('; ');
    return results;
  } finally {
    await extension.close();
    await server.close();
  }
}

function line(score: PageScore): string {
  const count = (verdict: string) => score.marks.filter((m) => m.verdict === verdict).length;
  return `marks ${score.marks.length}, right ${count('right')}, false ${count('false')}, wrong ${count('wrong')}, missed ${score.missed.length}`;
}

function totalsLine(scores: readonly PageScore[], labels: Parameters<typeof totalsOf>[1]): string {
  const t = totalsOf(scores, labels);
  return `marks ${t.marks}, right ${t.right}, false ${t.false}, wrong ${t.wrong}, missed ${t.missed} of ${t.labelled} labelled`;
}
