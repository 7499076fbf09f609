// @vitest-environment happy-dom
/** The evidence a page gives about the country its national numbers belong to. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  countriesInText,
  countriesOfPlusNumbers,
  countryOfHost,
  PageCountry,
  regionOfLanguage,
} from '../../../src/content/page-country';
import { findPhoneNumbers } from '../../../src/phone';

const countryOfPlusNumber = (text: string) => findPhoneNumbers(text, { defaultCountry: 'DE' })[0]?.country;

describe('page-level evidence', () => {
  it('takes the region of the page language, not a bare language', () => {
    expect(regionOfLanguage('nl-NL')).toBe('NL');
    expect(regionOfLanguage('de-at')).toBe('AT');
    expect(regionOfLanguage('zh-Hant-TW')).toBe('TW');
    expect(regionOfLanguage('nl')).toBeUndefined();
    expect(regionOfLanguage('es-419')).toBeUndefined();
    expect(regionOfLanguage('not a tag')).toBeUndefined();
    expect(regionOfLanguage(null)).toBeUndefined();
  });

  it('takes the country-code domain, not generic-use ones or addresses', () => {
    expect(countryOfHost('www.example.nl')).toBe('NL');
    expect(countryOfHost('shop.example.co.uk')).toBe('GB');
    expect(countryOfHost('laprensa.com.ni')).toBe('NI');
    expect(countryOfHost('startup.io')).toBeUndefined();
    expect(countryOfHost('news.tv')).toBeUndefined();
    expect(countryOfHost('example.com')).toBeUndefined();
    expect(countryOfHost('127.0.0.1')).toBeUndefined();
    expect(countryOfHost('localhost')).toBeUndefined();
  });

  it('counts the countries of numbers written with a + code, most frequent first', () => {
    const text = 'Managua +505 2266 6511, +505 8888 4444; Berlin +49 30 20251111; 3+4 = 7';
    expect(countriesOfPlusNumbers(text, countryOfPlusNumber)).toEqual(['NI', 'DE']);
  });
});

describe('block evidence', () => {
  it('finds country names in all five languages, capitalised only', () => {
    expect(countriesInText('Keizersgracht 1, Amsterdam, Nederland')).toEqual(['NL']);
    expect(countriesInText('Wien, Österreich')).toEqual(['AT']);
    expect(countriesInText('Bruxelles, Belgique')).toEqual(['BE']);
    expect(countriesInText('Madrid, España')).toEqual(['ES']);
    expect(countriesInText('Managua, Nicaragua')).toEqual(['NI']);
    expect(countriesInText('Paris, France – made in United States')).toEqual(['FR', 'US']);
    expect(countriesInText('Fine china and a turkey')).toEqual([]);
  });

  it('reads postal codes written with their country letters', () => {
    expect(countriesInText('Hauptstraße 1, A-1010 Wien')).toEqual(['AT']);
    expect(countriesInText('Bahnhofstrasse 3, CH-8001 Zürich')).toEqual(['CH']);
    expect(countriesInText('Keizersgracht 1, NL-1015 CJ Amsterdam')).toEqual(['NL']);
    expect(countriesInText('Artikel A-1010 im Katalog')).toEqual([]);
  });

  it('ignores names that are also common words', () => {
    expect(countriesInText('Michael Jordan lives in Georgia')).toEqual([]);
  });
});

describe('PageCountry', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('lang');
    document.body.innerHTML = '';
  });

  it('puts the block’s evidence before the page’s and leaves the default country out', () => {
    document.documentElement.lang = 'fr-BE';
    document.body.innerHTML = `<div id="card"><p>Rue Neuve 1, F-75001 Paris</p><p id="tel">Tél. 01 23 45 67 89</p></div>
      <p id="other">Tél. 02 123 45 67</p>`;
    const countries = new PageCountry(document, { countryOfPlusNumber });
    const tel = document.getElementById('tel') as HTMLElement;
    const other = document.getElementById('other') as HTMLElement;
    expect(countries.readingFor(tel, 'DE')).toEqual({
      countryHints: ['FR', 'BE'],
      fallbackCountry: undefined,
      defaultCountryFits: false,
    });
    expect(countries.readingFor(other, 'BE')).toEqual({
      countryHints: [],
      fallbackCountry: undefined,
      defaultCountryFits: true,
    });
  });

  it('keeps the foreign + numbers of the page as a fallback only', () => {
    document.body.innerHTML = '<p>Oficina: +505 2266 6511</p><p id="tel">Celular 8888 4444</p>';
    const countries = new PageCountry(document, { countryOfPlusNumber });
    const tel = document.getElementById('tel') as HTMLElement;
    expect(countries.readingFor(tel, 'DE')).toEqual({
      countryHints: [],
      fallbackCountry: 'NI',
      defaultCountryFits: true,
    });
  });

  it('takes no block evidence from a block naming several countries', () => {
    document.body.innerHTML = `<div><p>Deutschland: Frankfurt, Tel. 069 / 920 77 00</p>
      <p id="tel">Schweiz: Zürich, Tel. 01 211 74 74</p><p>Österreich: Wien</p></div>`;
    const countries = new PageCountry(document, { countryOfPlusNumber });
    expect(countries.readingFor(document.getElementById('tel') as HTMLElement, 'DE').countryHints).toEqual([]);
  });

  it('rules the default country out on a page in another language, English excepted', () => {
    const countries = () => new PageCountry(document, { countryOfPlusNumber });
    document.body.innerHTML = '<p id="tel">Teléfono: (021) 496 261</p>';
    const tel = () => document.getElementById('tel') as HTMLElement;
    document.documentElement.lang = 'es';
    expect(countries().readingFor(tel(), 'DE').defaultCountryFits).toBe(false);
    expect(countries().readingFor(tel(), 'ES').defaultCountryFits).toBe(true);
    expect(countries().readingFor(tel(), 'US').defaultCountryFits).toBe(true);
    document.documentElement.lang = 'en';
    expect(countries().readingFor(tel(), 'DE').defaultCountryFits).toBe(true);
    document.documentElement.lang = 'de-AT';
    expect(countries().readingFor(tel(), 'DE').defaultCountryFits).toBe(true);
    document.documentElement.removeAttribute('lang');
    expect(countries().readingFor(tel(), 'DE').defaultCountryFits).toBe(true);
  });

  it('reads each block and the page once', () => {
    document.body.innerHTML = '<p id="tel">Wien, Österreich, Tel. 01 234 5678</p>';
    const countries = new PageCountry(document, { countryOfPlusNumber });
    const tel = document.getElementById('tel') as HTMLElement;
    expect(countries.readingFor(tel, 'DE').countryHints).toEqual(['AT']);
    tel.textContent = 'Tel. 01 234 5678';
    // Cached: a block's evidence is read once per scan of the page.
    expect(countries.readingFor(tel, 'DE').countryHints).toEqual(['AT']);
    countries.reset();
    expect(countries.readingFor(tel, 'DE').countryHints).toEqual([]);
  });
});
