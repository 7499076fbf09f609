/**
 * Where a number is and what time it is there, on libphonenumber's generated data (public/geo/) read
 * from disk, at a fixed moment: Monday 30 November 2026, 13:32 UTC. Multi-zone countries (US, CA,
 * MX, AU, BR, RU, ES with the Canaries) answer by prefix, and say no time when the prefix still
 * spans zones that disagree.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { setGeoSource, whereWhen, whereWhenLine, whereWhenText } from '../../../src/geo';
import { type Catalog, setCatalog } from '../../../src/i18n';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MONDAY = Date.parse('2026-11-30T13:32:00Z');
const SATURDAY = Date.parse('2026-11-28T10:00:00Z');

beforeAll(async () => {
  setGeoSource(async (code) => JSON.parse(await readFile(join(ROOT, 'public', 'geo', `${code}.json`), 'utf8')));
  setCatalog(
    'en',
    JSON.parse(await readFile(join(ROOT, 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Catalog,
  );
});

/** [number, where in English, local time (24 h), quiet warning] */
const CASES: readonly [string, string, string | undefined, 'night' | 'weekend' | undefined][] = [
  // Germany, one zone; region names in English ("Cologne") unless the language has its own.
  ['+4922166966966', 'Cologne, Germany', '14:32', undefined],
  ['+4930234567800', 'Berlin, Germany', '14:32', undefined],
  ['+491711234567', 'Mobile, Germany', '14:32', undefined],
  ['+31201234567', 'Amsterdam, Netherlands', '14:32', undefined],
  ['+3225551212', 'Brussels, Belgium', '14:32', undefined],
  ['+4315123456', 'Vienna, Austria', '14:32', undefined],
  ['+41441234567', 'Zurich, Switzerland', '14:32', undefined],
  ['+442079460000', 'London, United Kingdom', '13:32', undefined],
  // France: libphonenumber has no regions for it, so only the country.
  ['+33123456789', 'France', '14:32', undefined],
  // Spain: Madrid, and the Canaries an hour behind; a mobile could be either, so no time.
  ['+34911234567', 'Madrid, Spain', '14:32', undefined],
  ['+34922123456', 'Tenerife, Spain', '13:32', undefined],
  ['+34612345678', 'Mobile, Spain', undefined, undefined],
  // United States and Canada: the area code's state or province, and its zone.
  ['+12127365000', 'New York, United States', '08:32', undefined],
  ['+12135550199', 'Los Angeles, United States', '05:32', 'night'],
  ['+12082011234', 'Idaho, United States', '06:32', 'night'],
  ['+19075551234', 'Alaska, United States', undefined, undefined],
  ['+14163601234', 'Ontario, Canada', '08:32', undefined],
  ['+16046881234', 'British Columbia, Canada', '05:32', 'night'],
  // Mexico, Brazil, Australia, Russia, Japan.
  ['+525512345678', 'Mexico City, FD, Mexico', '07:32', 'night'],
  ['+551133334444', 'Brazil', '10:32', undefined],
  ['+61293744000', 'Australia', '00:32', 'night'],
  ['+61892221234', 'Australia', undefined, undefined],
  ['+74951234567', 'Moscow, Russia', '16:32', undefined],
  ['+73832123456', 'Novosibirsk, Russia', '20:32', 'night'],
  ['+81312345678', 'Tokyo, Japan', '22:32', 'night'],
];

describe('where and when a number is', () => {
  it.each(CASES)('%s is in %s, %s there', async (number, where, time, quiet) => {
    const facts = await whereWhen(number, { language: 'en-GB', now: MONDAY });
    expect(facts).toBeDefined();
    if (!facts) return;
    expect(whereWhenText(facts, 'en').where).toBe(where);
    expect(facts.time).toBe(time);
    expect(facts.quiet).toBe(quiet);
  });

  it('covers at least 20 numbers in at least 10 countries, the multi-zone ones included', async () => {
    const countries = new Set<string>();
    for (const [number] of CASES)
      countries.add((await whereWhen(number, { language: 'en', now: MONDAY }))?.country ?? '');
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(countries.size).toBeGreaterThanOrEqual(10);
    for (const multiZone of ['US', 'CA', 'MX', 'AU', 'BR', 'RU', 'ES']) expect(countries).toContain(multiZone);
  });

  it('names regions in the user’s language where libphonenumber has them, and writes the time that way', async () => {
    const facts = await whereWhen('+4922166966966', { language: 'de-DE', now: MONDAY });
    expect(facts).toMatchObject({ region: 'Köln', time: '14:32' });
    expect((await whereWhen('+3225551212', { language: 'nl', now: MONDAY }))?.region).toBe('Brussel');
    expect((await whereWhen('+3225551212', { language: 'fr', now: MONDAY }))?.region).toBe('Bruxelles');
    // No Spanish names for Germany: English.
    expect((await whereWhen('+4922166966966', { language: 'es', now: MONDAY }))?.region).toBe('Cologne');
    expect((await whereWhen('+12127365000', { language: 'en-US', now: MONDAY }))?.time).toBe('08:32 AM');
  });

  it('warns quietly about a weekend there', async () => {
    const facts = await whereWhen('+4922166966966', { language: 'en-GB', now: SATURDAY });
    expect(facts).toMatchObject({ time: '11:00', quiet: 'weekend' });
    expect(whereWhenLine(whereWhenText(facts ?? { mobile: false }, 'en'))).toBe(
      'Cologne, Germany · 11:00 there · weekend there',
    );
  });

  it('says one line for the card and the address bar', async () => {
    const facts = await whereWhen('+12135550199', { language: 'en-GB', now: MONDAY });
    expect(whereWhenLine(whereWhenText(facts ?? { mobile: false }, 'en'))).toBe(
      'Los Angeles, United States · 05:32 there · outside office hours',
    );
  });

  it('knows nothing about text that is not a number, and a calling code without data is just no data', async () => {
    expect(await whereWhen('not a number', { language: 'en', now: MONDAY })).toBeUndefined();
    expect(await whereWhen('+80012345678', { language: 'en', now: MONDAY })).toMatchObject({ mobile: false });
  });
});
