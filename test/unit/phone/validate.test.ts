/**
 * The fast validator must give libphonenumber's answer, number for number: same validity, same
 * E.164, same country. Checked on random digit strings for every country, on libphonenumber's own
 * example numbers, and on every candidate of the corpus.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { afterEach, describe, expect, it } from 'vitest';
import { setFastPathEnabled, validNumber } from '../../../src/phone/validate';
import { seededRandom } from '../../fixtures/phone-corpus/crm-text';

afterEach(() => setFastPathEnabled(true));

function bothWays(input: string, country: Parameters<typeof validNumber>[1]): [string, string] {
  setFastPathEnabled(true);
  const fast = validNumber(input, country);
  setFastPathEnabled(false);
  const slow = validNumber(input, country);
  const describe = (found: typeof fast) => (found ? `${found.e164} ${found.country}` : 'invalid');
  return [describe(fast), describe(slow)];
}

describe('validNumber: the fast path agrees with libphonenumber', () => {
  it('on random digit strings read in every country', () => {
    const random = seededRandom(7);
    const countries = getCountries();
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let digits = '';
      const length = 6 + Math.floor(random() * 10);
      for (let k = 0; k < length; k++) digits += Math.floor(random() * 10).toString();
      const country = countries[Math.floor(random() * countries.length)] ?? 'DE';
      const form = random();
      const input = form < 0.4 ? `+${digits}` : form < 0.7 ? `0${digits}` : digits;
      const [fast, slow] = bothWays(input, country);
      if (fast !== slow) disagreements.push(`${input} in ${country}: fast ${fast}, libphonenumber ${slow}`);
    }
    expect(disagreements).toEqual([]);
    // 40,000 validations: seconds on a loaded machine, not the default five.
  }, 60_000);

  it("on libphonenumber's example numbers, national and international", () => {
    const disagreements: string[] = [];
    for (const [country, national] of Object.entries(examples)) {
      const code = country as Parameters<typeof getCountryCallingCode>[0];
      for (const input of [`+${getCountryCallingCode(code)}${national}`, national, `0${national}`]) {
        const [fast, slow] = bothWays(input, code);
        if (fast !== slow) disagreements.push(`${input} in ${country}: fast ${fast}, libphonenumber ${slow}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
