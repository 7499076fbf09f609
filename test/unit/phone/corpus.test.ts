/**
 * The labelled corpora (test/fixtures/phone-corpus): our own CRM snippets of many markets in the
 * five UI languages, and suites converted from other projects' tests (external/). Each file is
 * scored on its own: no wrong number anywhere, precision ≥ 0.99, recall ≥ 0.98, and recall never
 * below raw libphonenumber `findNumbers` on the same file.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone';
import { rawFindNumbers } from '../../bench/detection';
import {
  type CorpusCase,
  type CorpusScore,
  corpusFiles,
  foundOf,
  loadCorpus,
  loadCorpusFile,
  scoreCorpus,
} from '../../fixtures/phone-corpus/corpus';

const cases = loadCorpus();

const own = cases.filter((item) => !item.file.startsWith('external/'));

function ringback(items: readonly CorpusCase[]): CorpusScore {
  return scoreCorpus(items, (text, defaultCountry, item) =>
    findPhoneNumbers(text, { defaultCountry, countryHints: item.countryHints, direction: item.direction }).map(foundOf),
  );
}

function raw(items: readonly CorpusCase[]): CorpusScore {
  return scoreCorpus(items, (text, defaultCountry) =>
    rawFindNumbers(text, defaultCountry).map((found) => ({
      e164: found.number.number,
      start: found.startsAt,
      end: found.endsAt,
    })),
  );
}

function report(file: string, score: CorpusScore, baseline: CorpusScore): void {
  console.log(
    `${file}: ${score.cases} cases, ${score.positives} numbers — precision ${score.precision.toFixed(4)}, ` +
      `recall ${score.recall.toFixed(4)}, ${score.wrongNumbers} wrong numbers ` +
      `(${score.falsePositives - score.wrongNumbers} false positives, ${score.falseNegatives} missed, ` +
      `${score.extensionMismatches} extensions not read) · raw findNumbers: precision ${baseline.precision.toFixed(4)}, ` +
      `recall ${baseline.recall.toFixed(4)}, ${baseline.wrongNumbers} wrong numbers`,
  );
  for (const miss of score.misses) {
    const parts = [
      miss.wrong.length > 0 ? `WRONG [${miss.wrong.join(' ')}]` : '',
      miss.missed.length > 0 ? `missed [${miss.missed.join(' ')}]` : '',
      miss.spurious.length > 0 ? `spurious [${miss.spurious.join(' ')}]` : '',
      miss.extensionMismatches.length > 0 ? `extension ${miss.extensionMismatches.join(', ')}` : '',
    ].filter(Boolean);
    console.log(`  ${miss.where}: ${parts.join(' ')}  ${JSON.stringify(miss.text.slice(0, 100))}`);
  }
}

describe('phone detection corpus', () => {
  it('is large, covers the markets and languages, and labels only valid numbers', () => {
    expect(own.length).toBeGreaterThanOrEqual(400);
    const negatives = own.filter((item) => item.expected.length === 0).length;
    expect(negatives).toBeGreaterThanOrEqual(200);
    const countries = new Set(own.map((item) => item.defaultCountry));
    for (const market of ['DE', 'AT', 'CH', 'BE', 'NL', 'FR', 'ES', 'GB', 'US']) expect(countries).toContain(market);
    expect(countries.size).toBeGreaterThanOrEqual(20);
    const languages = new Set(own.map((item) => item.language));
    for (const language of ['de', 'nl', 'fr', 'es', 'en']) expect(languages).toContain(language);
    // Pages showing numbers of another country than their default one.
    const foreign = own.filter((item) =>
      item.expected.some(({ e164 }) => parsePhoneNumberFromString(e164)?.country !== item.defaultCountry),
    );
    expect(foreign.length).toBeGreaterThanOrEqual(30);
    // Each failure group of issue #11 is covered in every UI language.
    for (const file of ['joined.txt', 'context.txt', 'not-numbers.txt']) {
      const languages = new Set(own.filter((item) => item.file === file).map((item) => item.language));
      expect(languages, file).toEqual(new Set(['de', 'nl', 'fr', 'es', 'en']));
    }
    const invalid = cases.flatMap((item) =>
      item.expected
        .filter(({ e164 }) => !parsePhoneNumberFromString(e164)?.isValid())
        .map(({ e164 }) => `${item.where} ${e164}`),
    );
    expect(invalid).toEqual([]);
  });

  describe.each(corpusFiles())('%s', (file) => {
    const items = loadCorpusFile(file);
    const score = ringback(items);
    const baseline = raw(items);

    it('never yields a wrong number', () => {
      report(file, score, baseline);
      expect(score.misses.filter((miss) => miss.wrong.length > 0).map((miss) => miss.where)).toEqual([]);
    });

    it('reaches precision ≥ 0.99 and recall ≥ 0.98, and at least raw findNumbers’ recall', () => {
      expect(score.precision).toBeGreaterThanOrEqual(0.99);
      expect(score.recall).toBeGreaterThanOrEqual(0.98);
      expect(score.recall).toBeGreaterThanOrEqual(baseline.recall);
    });

    it('reads every written extension', () => {
      expect(score.misses.flatMap((miss) => miss.extensionMismatches)).toEqual([]);
    });
  });

  it('finds each number at offsets that start at its first character and end at its last digit', () => {
    for (const item of cases) {
      const options = {
        defaultCountry: item.defaultCountry,
        countryHints: item.countryHints,
        direction: item.direction,
      };
      for (const match of findPhoneNumbers(item.text, options)) {
        const written = item.text.slice(match.start, match.end);
        expect(written, item.where).toMatch(/^[+(\p{Nd}\uff0b]/u);
        expect(written, item.where).toMatch(/\p{Nd}$/u);
      }
    }
  });
});
