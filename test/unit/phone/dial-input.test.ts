import { describe, expect, it } from 'vitest';
import { type CountryCode, type DialInput, parseDialInput } from '../../../src/phone';

function dial(input: string, defaultCountry: CountryCode = 'DE'): string {
  const result: DialInput = parseDialInput(input, { defaultCountry });
  if (!result.ok) return `error: ${result.error}`;
  return result.extension ? `${result.number.e164} ext ${result.extension}` : result.number.e164;
}

describe('parseDialInput: what the dial box accepts', () => {
  it.each([
    ['0221 669669-66', 'DE', '+4922166966966'],
    ['+49 (0)221 66966966', 'DE', '+4922166966966'],
    ['0049 221 66966966', 'US', '+4922166966966'],
    ['011 49 89 1234567', 'US', '+49891234567'],
    ['+1 212 555 0100', 'DE', '+12125550100'],
    ['tel:+49-221-66966966', 'DE', '+4922166966966'],
    ['callto:0221 66966966', 'DE', '+4922166966966'],
    ['sip:+4922166966966@pbx.example.com', 'DE', '+4922166966966'],
    ['Tel.: 0221 66966966', 'DE', '+4922166966966'],
    ['Mobil 0171 1234567', 'DE', '+491711234567'],
    ['0221 66966966 (Büro)', 'DE', '+4922166966966'],
    ['０２２１ ６６９６６９６６', 'DE', '+4922166966966'],
    ['912 345 678', 'ES', '+34912345678'],
  ] as const)('%s (%s)', (input, country, e164) => {
    expect(dial(input, country)).toBe(e164);
  });

  it('accepts a national number typed without its trunk prefix: the intent is clear', () => {
    expect(dial('221 66966966')).toBe('+4922166966966');
  });

  it('keeps an extension apart from the number', () => {
    expect(dial('(212) 555-0100 x12', 'US')).toBe('+12125550100 ext 12');
    expect(dial('tel:%2B4922166966966;ext=12')).toBe('+4922166966966 ext 12');
    expect(dial('+49 221 669669 ext. 45')).toBe('+49221669669 ext 45');
    expect(dial('01 42 68 53 00 poste 12', 'FR')).toBe('+33142685300 ext 12');
    expect(dial('020 555 1234 toestel 12', 'NL')).toBe('+31205551234 ext 12');
  });

  it("reads a trunk prefix the country has withdrawn, as the page does (Mexico's 01, 044, 045)", () => {
    expect(dial('01 (449) 978-0001', 'MX')).toBe('+524499780001');
    expect(dial('044 55 1234 5678', 'MX')).toBe('+525512345678');
    // Only in that country: a US reading has no such prefix to explain the digits.
    expect(parseDialInput('01 (449) 978-0001', { defaultCountry: 'US' }).ok).toBe(false);
  });

  it('dials a German direct-dial extension after the number where the plan allows, as the page does', () => {
    expect(dial('0221 669669 Durchwahl 23')).toBe('+4922166966923');
    expect(dial('+43 1 545 82 30 DW 13', 'AT')).toBe('+431545823013');
    // A fixed-length plan has no room for more digits: the extension stays one to ask for.
    expect(dial('044 668 18 00 DW 23', 'CH')).toBe('+41446681800 ext 23');
  });

  it('turns vanity letters into keypad digits', () => {
    expect(dial('1-800-FLOWERS', 'US')).toBe('+18003569377');
  });

  it('describes the number for the confirmation and history', () => {
    const result = parseDialInput('0900 1 234567', { defaultCountry: 'DE' });
    expect(result.ok && { ...result.number }).toEqual({
      e164: '+499001234567',
      national: '0900 1 234567',
      international: '+49 900 1 234567',
      country: 'DE',
      type: 'premium-rate',
    });
  });
});

describe('parseDialInput: clear errors for what is not dialable', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['tel:', 'empty'],
    ['call me maybe', 'not-a-number'],
    ['0221 12a456', 'not-a-number'],
    ['+', 'not-a-number'],
    ['0221 123456 / 0171 2345678', 'not-a-number'],
    ['112', 'too-short'],
    ['0221', 'too-short'],
    ['+49 221 669669669669669', 'too-long'],
    ['+999 1234567', 'invalid'],
    ['FLOWERS', 'not-a-number'],
    [`0221 ${'6'.repeat(300)}`, 'not-a-number'],
  ])('%j → %s', (input, error) => {
    expect(dial(input)).toBe(`error: ${error}`);
  });
});
