import { describe, expect, it } from 'vitest';
import { resolveDefaultCountry } from '../../../src/phone';

describe('resolveDefaultCountry', () => {
  it('takes the setting first, in any case, ignoring what is no country', () => {
    expect(resolveDefaultCountry({ setting: 'at', providerMarket: 'DE', uiLanguage: 'nl-NL' })).toBe('AT');
    expect(resolveDefaultCountry({ setting: 'XX', providerMarket: 'ES' })).toBe('ES');
    expect(resolveDefaultCountry({ setting: '', providerMarket: 'ES' })).toBe('ES');
  });

  it("then the active provider's market", () => {
    expect(resolveDefaultCountry({ providerMarket: 'DE', uiLanguage: 'fr-FR' })).toBe('DE');
    expect(resolveDefaultCountry({ providerMarket: 'DE' })).toBe('DE');
    expect(resolveDefaultCountry({ providerMarket: 'BE', uiLanguage: 'de-DE' })).toBe('BE');
    expect(resolveDefaultCountry({ providerMarket: 'ES' })).toBe('ES');
  });

  it("then the region of the browser's UI language, or the language's main market", () => {
    expect(resolveDefaultCountry({ uiLanguage: 'nl-NL' })).toBe('NL');
    expect(resolveDefaultCountry({ uiLanguage: 'nl-BE' })).toBe('BE');
    expect(resolveDefaultCountry({ uiLanguage: 'en-GB' })).toBe('GB');
    expect(resolveDefaultCountry({ uiLanguage: 'en_US' })).toBe('US');
    expect(resolveDefaultCountry({ uiLanguage: 'zh-Hant-TW' })).toBe('TW');
    expect(resolveDefaultCountry({ uiLanguage: 'de' })).toBe('DE');
    expect(resolveDefaultCountry({ uiLanguage: 'es-419' })).toBe('ES');
    expect(resolveDefaultCountry({ uiLanguage: 'fr' })).toBe('FR');
  });

  it('falls back to Germany, the largest market, when nothing says otherwise', () => {
    expect(resolveDefaultCountry({})).toBe('DE');
    expect(resolveDefaultCountry({ uiLanguage: 'tlh' })).toBe('DE');
  });
});
