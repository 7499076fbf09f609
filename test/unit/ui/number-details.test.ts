/** The line the card and the popup's page list show next to a number: foreign country, extension. */
import { beforeAll, describe, expect, it } from 'vitest';
import { numberDetails } from '../../../src/ui/number-details';
import { useEnglish } from './render';

beforeAll(() => useEnglish());

describe('numberDetails', () => {
  it('names the country only when it is not the user’s own, and the extension to ask for', () => {
    expect(numberDetails({ country: 'DE' }, 'DE')).toBe('');
    expect(numberDetails({ country: 'NL' }, 'DE')).toBe('Netherlands');
    expect(numberDetails({ country: 'DE', extension: '45' }, 'DE')).toBe('ask for extension 45');
    expect(numberDetails({ country: 'NL', extension: '45' }, 'DE')).toBe('Netherlands · ask for extension 45');
    expect(numberDetails({}, undefined)).toBe('');
  });
});
