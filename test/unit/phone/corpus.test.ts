/**
 * The labelled corpus (test/fixtures/phone-corpus): precision and recall of the detector on
 * CRM snippets of nine markets and more, in the five UI languages.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone';
import { loadCorpus, scoreCorpus } from '../../fixtures/phone-corpus/corpus';

const cases = loadCorpus();

describe('phone detection corpus', () => {
  it('is large, covers the markets and languages, and labels only valid numbers', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const negatives = cases.filter((item) => item.expected.length === 0).length;
    expect(negatives).toBeGreaterThanOrEqual(200);
    const countries = new Set(cases.map((item) => item.defaultCountry));
    for (const market of ['DE', 'AT', 'CH', 'BE', 'NL', 'FR', 'ES', 'GB', 'US']) expect(countries).toContain(market);
    expect(countries.size).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.map((item) => item.language))).toEqual(new Set(['de', 'nl', 'fr', 'es', 'en']));
    // Pages showing numbers of another country than their default one.
    const foreign = cases.filter((item) =>
      item.expected.some((e164) => parsePhoneNumberFromString(e164)?.country !== item.defaultCountry),
    );
    expect(foreign.length).toBeGreaterThanOrEqual(30);
    const invalid = cases.flatMap((item) =>
      item.expected
        .filter((e164) => !parsePhoneNumberFromString(e164)?.isValid())
        .map((e164) => `${item.where} ${e164}`),
    );
    expect(invalid).toEqual([]);
  });

  it('reaches precision ≥ 0.99 and recall ≥ 0.98', () => {
    const score = scoreCorpus(cases, (text, defaultCountry) =>
      findPhoneNumbers(text, { defaultCountry }).map((match) => match.e164),
    );
    console.log(
      `phone corpus: ${score.cases} cases, ${score.positives} numbers — ` +
        `precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)} ` +
        `(${score.falsePositives} false positives, ${score.falseNegatives} missed)`,
    );
    for (const miss of score.misses) {
      console.log(`  ${miss.where}: missed [${miss.missed.join(' ')}] spurious [${miss.spurious.join(' ')}]`);
    }
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('finds each number at offsets that hold exactly its digits', () => {
    for (const item of cases) {
      for (const match of findPhoneNumbers(item.text, { defaultCountry: item.defaultCountry })) {
        const written = item.text.slice(match.start, match.end);
        expect(written, item.where).toMatch(/^[+(\d]/);
        expect(written, item.where).toMatch(/\d$/);
      }
    }
  });
});
