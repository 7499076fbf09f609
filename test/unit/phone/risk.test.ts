import { describe, expect, it } from 'vitest';
import { classifyRisk, type PhoneNumber, parseDialInput } from '../../../src/phone';

function number(input: string): PhoneNumber {
  const result = parseDialInput(input, { defaultCountry: 'DE' });
  if (!result.ok) throw new Error(`not a number: ${input}`);
  return result.number;
}

describe('classifyRisk: which calls ask for confirmation', () => {
  it('flags premium-rate numbers', () => {
    expect(classifyRisk(number('0900 1 234567'), 'DE')).toEqual({ premium: true, international: false });
    expect(classifyRisk(number('0221 66966966'), 'DE')).toEqual({ premium: false, international: false });
    expect(classifyRisk(number('0800 1234567'), 'DE').premium).toBe(false);
  });

  it('flags numbers outside the default country', () => {
    expect(classifyRisk(number('+33 1 23 45 67 89'), 'DE')).toEqual({ premium: false, international: true });
    expect(classifyRisk(number('+49 221 66966966'), 'AT').international).toBe(true);
  });

  it('compares calling codes, so Canada is not international from the US', () => {
    expect(classifyRisk(number('+1 416 555 0123'), 'US').international).toBe(false);
    expect(classifyRisk(number('+1 416 555 0123'), 'CA').international).toBe(false);
  });
});
