/**
 * No input makes detection slow: a page can hold a 5 MB text node, an endless digit run, or
 * separators arranged to make a backtracking regular expression explode. Every regular expression
 * in src/phone runs on a bounded window, and the pre-filter visits each character a bounded number
 * of times, so these finish in time proportional to their length. The bounds are generous (tens
 * of times what they take on a laptop, to survive a loaded CI machine); a quadratic blow-up would
 * exceed them by orders of magnitude.
 */
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/phone';
import { generateCrmText } from '../../fixtures/phone-corpus/crm-text';

const MB = 1_000_000;

function timed(text: string): { ms: number; found: number } {
  const started = performance.now();
  const found = findPhoneNumbers(text, { defaultCountry: 'DE' }).length;
  return { ms: performance.now() - started, found };
}

describe('detection time grows linearly with the input', () => {
  it('scans a 5 MB CRM-like text node in one call', () => {
    const text = generateCrmText(MB).repeat(5);
    const { ms, found } = timed(text);
    console.log(`5 MB text node: ${ms.toFixed(0)} ms, ${found} numbers`);
    expect(found).toBeGreaterThan(5_000);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('rejects a 100,000-digit run without looking inside it', () => {
    for (const text of ['9'.repeat(100_000), `+${'0'.repeat(100_000)}`, `Tel. ${'12345 '.repeat(20_000)}`]) {
      const { ms, found } = timed(text);
      expect(found).toBe(0);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it.each([
    ['1-1-1-', '1-'],
    ['spaced digits', '1 '],
    ['parentheses', '((1) '],
    ['slashes', '0 / '],
    ['plus signs', '+1 '],
    ['dots', '1.'],
    ['runs of separators', '1 - / '],
    ['IBAN-like blocks', 'DE89 '],
    ['letters and digits', 'a1'],
    ['decimal commas', '1,1'],
    ['times', '1:1'],
    ['cue words', 'Tel. 0221 1 '],
    ['id cue words', 'Kundennummer 0'],
    ['valid numbers back to back', '0221 66966966 '],
    ['dates back to back', '01.05.2024 '],
    // The rules of issue #11: lists, splitting, glue, extensions, Unicode, right-to-left.
    ['a list of numbers', '415-666-7777 - '],
    ['numbers joined by slashes', '0221 66966966/'],
    ['numbers on lines', '0221 669669\n'],
    ['unclosed parentheses', '0221 1 (2 '],
    ['glued labels', 'Tel0221 1234Fax'],
    ['glued lower-case words', 'call0221 12abc'],
    ['extension markers', '0221 669669 ext. 1 x'],
    ['tildes', '0~0 1~'],
    ['zero-width spaces', '0221\u200b1\u200b'],
    ['full-width digits', '０２２１　１２３４５'],
    ['Arabic-Indic digits', '٠٢٢١ ١٢٣ '],
    ['parenthesised zeros', '+39 (0)2 (0)'],
    ['amounts before numbers', '$20 0221 1 '],
    ['sentence ends', '0221 1. '],
    ['counting up', '1 2 3 4 5 6 7 8 9 '],
    ['spaced dashes around parentheses', '+49 - (40) - '],
    ['service numbers without the trunk prefix', '1300 655 13 '],
    ['withdrawn trunk prefixes', '01 (449) 044 '],
    ['direct-dial extensions', '0221 669669 DW 1'],
  ])(
    '1 MB of %s',
    (_name, unit) => {
      const text = unit.repeat(Math.ceil(MB / unit.length));
      const { ms } = timed(text);
      expect(ms).toBeLessThan(10_000);
      // Right-to-left paragraphs take their own path through the runs.
      const started = performance.now();
      findPhoneNumbers(text, { defaultCountry: 'LB', direction: 'rtl', countryHints: ['DE', 'AT'] });
      expect(performance.now() - started).toBeLessThan(10_000);
      // Plans that write some ranges without the trunk prefix, and one with a withdrawn prefix.
      const exemptStarted = performance.now();
      findPhoneNumbers(text, { defaultCountry: 'AU', countryHints: ['MX', 'KR'] });
      expect(performance.now() - exemptStarted).toBeLessThan(10_000);
    },
    30_000,
  );
});
