/**
 * Generates public/geo/: where a phone number is (region names) and which time zones it may be in,
 * from Google libphonenumber's own data, one JSON file per country calling code so the background
 * and the popup fetch only the codes they meet. Run it when libphonenumber's data should be taken
 * up again:
 *
 *   git clone https://github.com/google/libphonenumber /tmp/libphonenumber
 *   npx tsx scripts/generate-geo-data.ts /tmp/libphonenumber
 *
 * Sources: resources/geocoding/<lang>/<code>.txt (prefix|region, for en and the four other languages
 * Ringback speaks) and resources/timezones/map_data.txt (prefix|zone&zone…). Both are Apache-2.0;
 * public/geo/NOTICE.md names the commit they came from.
 *
 * Trimming keeps the data small without ever naming a wrong region: a prefix deeper than the kept
 * depth is folded into its shorter prefix only when every deeper entry under it names the same
 * region; when they disagree the shorter prefix says nothing (rather than one of them). The North
 * American plan keeps one entry per area code, without the state's postal abbreviation the country
 * name follows anyway ("New York, NY" becomes "New York"; the city of each exchange goes). Time zones are kept whole: they are small, and a time zone too coarse is
 * a wrong clock, not just a vaguer place.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;
/**
 * Calling codes kept at full depth: the providers' markets and their neighbours, where users call
 * most (DE, AT, CH, NL, BE, LU, FR, ES, IT, GB, DK).
 */
const FULL_DEPTH = new Set(['31', '32', '33', '34', '39', '41', '43', '44', '45', '49', '352']);
/** Digits after the calling code kept elsewhere: area codes, not exchanges or mobile blocks. */
const SHORT_DEPTH = 3;
/** The North American plan: the area code (three digits) names the state or province. */
const NANP = '1';
const NANP_AREA_CODE = 3;

const OUT_DIR = join(import.meta.dirname, '..', 'public', 'geo');

type Table = Map<string, string>;

interface CallingCodeFile {
  /** The IANA zones the file names, so each is written once. */
  zoneIds?: string[];
  /** National-number prefix → indexes into zoneIds joined by `&`; '' is the whole calling code. */
  zones?: Record<string, string>;
  /** National-number prefix → region name in English. */
  regions?: Record<string, string>;
  /** Language → prefix → region name where that language names it differently ('' = no name). */
  names?: Record<string, Record<string, string>>;
}

function main(): void {
  const source = process.argv[2];
  if (!source || !existsSync(join(source, 'resources', 'timezones', 'map_data.txt'))) {
    console.error('usage: tsx scripts/generate-geo-data.ts <libphonenumber checkout>');
    process.exit(2);
  }
  const commit = gitCommit(source);
  const codes = callingCodes();
  const files = new Map<string, CallingCodeFile>();
  const fileFor = (code: string) => getOrAdd<string, CallingCodeFile>(files, code, () => ({}));

  for (const [code, zones] of zonesByCode(
    readPrefixFile(join(source, 'resources', 'timezones', 'map_data.txt')),
    codes,
  )) {
    const file = fileFor(code);
    const ids = [...new Set([...zones.values()].flatMap((value) => value.split('&')))].sort();
    file.zoneIds = ids;
    file.zones = Object.fromEntries(
      [...simplify(zones)].map(([prefix, value]) => [
        prefix,
        value
          .split('&')
          .map((zone) => ids.indexOf(zone))
          .join('&'),
      ]),
    );
  }

  const geocoding = join(source, 'resources', 'geocoding');
  for (const name of readdirSync(join(geocoding, 'en'))) {
    const code = name.replace(/\.txt$/, '');
    const depth = FULL_DEPTH.has(code) ? Number.POSITIVE_INFINITY : SHORT_DEPTH;
    const english = trim(regionTable(join(geocoding, 'en', name), code), depth);
    if (english.size === 0) continue;
    const file = fileFor(code);
    file.regions = Object.fromEntries(english);
    for (const language of LANGUAGES.slice(1)) {
      const path = join(geocoding, language, name);
      if (!existsSync(path)) continue;
      const own = trim(regionTable(path, code), depth);
      const differing = overrides(english, own);
      if (Object.keys(differing).length > 0) file.names = { ...file.names, [language]: differing };
    }
  }

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  let total = 0;
  const sizes: [string, number][] = [];
  for (const [code, file] of [...files].sort(([a], [b]) => Number(a) - Number(b))) {
    const json = JSON.stringify(file);
    writeFileSync(join(OUT_DIR, `${code}.json`), json);
    const bytes = Buffer.byteLength(json);
    total += bytes;
    sizes.push([code, bytes]);
  }
  writeFileSync(join(OUT_DIR, 'NOTICE.md'), notice(commit, files.size, total));
  const biggest = sizes.sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `${files.size} calling codes, ${total} bytes; largest: ${biggest.map(([c, s]) => `+${c} ${s}`).join(', ')}`,
  );
}

/** A geocoding file as national-number prefixes; for the North American plan, its area codes only. */
function regionTable(path: string, code: string): Table {
  const table = nationalTable(readPrefixFile(path), code);
  if (code !== NANP) return table;
  return new Map(
    [...table]
      .filter(([prefix]) => prefix.length <= NANP_AREA_CODE)
      .map(([prefix, name]) => [prefix, name.replace(/, [A-Z]{2}$/, '')]),
  );
}

/** Every country calling code libphonenumber-js knows, plus the non-geographic ones in the data. */
function callingCodes(): Set<string> {
  const codes = new Set(getCountries().map((country) => getCountryCallingCode(country)));
  for (const code of ['800', '808', '870', '878', '881', '882', '883', '888', '979']) codes.add(code);
  return codes;
}

/** `prefix|value` lines, comments and blank lines skipped. */
function readPrefixFile(path: string): Table {
  const table: Table = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const bar = text.indexOf('|');
    if (bar < 0) throw new Error(`${path}: no "|" in ${JSON.stringify(text)}`);
    table.set(text.slice(0, bar), text.slice(bar + 1));
  }
  return table;
}

/** The geocoding file's full-number prefixes as national-number prefixes. */
function nationalTable(table: Table, code: string): Table {
  const national: Table = new Map();
  for (const [prefix, value] of table) {
    if (!prefix.startsWith(code)) throw new Error(`+${code}: prefix ${prefix} is not under it`);
    national.set(prefix.slice(code.length), value);
  }
  return national;
}

/** Time-zone prefixes split by calling code (codes are prefix-free), unknown zones dropped. */
function zonesByCode(table: Table, codes: Set<string>): Map<string, Table> {
  const byCode = new Map<string, Table>();
  for (const [prefix, value] of table) {
    const code = [1, 2, 3].map((n) => prefix.slice(0, n)).find((candidate) => codes.has(candidate));
    if (!code) throw new Error(`time zones: no calling code for prefix ${prefix}`);
    const zones = value.split('&').filter(knownZone);
    if (zones.length === 0) continue;
    getOrAdd(byCode, code, () => new Map()).set(prefix.slice(code.length), zones.join('&'));
  }
  return byCode;
}

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The value the longest prefix of `digits` in `table` names (libphonenumber's lookup rule). */
function lookup(table: Table, digits: string): string | undefined {
  for (let length = digits.length; length >= 0; length--) {
    const value = table.get(digits.slice(0, length));
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Prefixes longer than `depth` folded into their `depth`-digit prefix when all agree; where they
 * disagree, that prefix names nothing ('') if a shorter one would otherwise answer for them. Then
 * entries that only repeat what a shorter prefix says are dropped.
 */
function trim(table: Table, depth: number): Table {
  const kept: Table = new Map([...table].filter(([prefix]) => prefix.length <= depth));
  const deeper = new Map<string, Set<string>>();
  for (const [prefix, value] of table) {
    if (prefix.length <= depth) continue;
    const head = prefix.slice(0, depth);
    getOrAdd(deeper, head, () => new Set()).add(value);
  }
  for (const [head, values] of deeper) {
    if (values.size === 1) kept.set(head, [...values][0] ?? '');
    else if (lookup(kept, head) !== undefined && !kept.has(head)) kept.set(head, '');
  }
  return simplify(kept);
}

/** The same lookups with fewer entries: those that only repeat what a shorter prefix says go. */
function simplify(table: Table): Table {
  const simplified: Table = new Map();
  for (const [prefix, value] of [...table].sort(([a], [b]) => a.length - b.length || a.localeCompare(b))) {
    if (prefix === '' || lookup(simplified, prefix.slice(0, -1)) !== value) simplified.set(prefix, value);
  }
  return simplified;
}

/**
 * What a language's table says differently from English, keyed so that a lookup over English's
 * prefixes and these together gives exactly the language's own answer.
 */
function overrides(english: Table, own: Table): Record<string, string> {
  const differing: Record<string, string> = {};
  for (const prefix of new Set([...english.keys(), ...own.keys()])) {
    const name = lookup(own, prefix) ?? '';
    if (name !== english.get(prefix)) differing[prefix] = name;
  }
  return differing;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const made = make();
  map.set(key, made);
  return made;
}

function gitCommit(source: string): string {
  try {
    return execFileSync('git', ['-C', source, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return process.env.LIBPHONENUMBER_COMMIT ?? 'unknown';
  }
}

function notice(commit: string, files: number, bytes: number): string {
  return `# Phone number regions and time zones

The JSON files here (${files} calling codes, ${bytes} bytes) are generated by
\`scripts/generate-geo-data.ts\` from Google libphonenumber's \`resources/geocoding/{en,de,nl,fr,es}\`
and \`resources/timezones/map_data.txt\`, commit \`${commit}\` of
https://github.com/google/libphonenumber, trimmed as that script describes.

Copyright (C) 2011-2026 The Libphonenumber Authors. Licensed under the Apache License, Version 2.0
(the "License"); you may not use these files except in compliance with the License. You may obtain a
copy of the License at http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law
or agreed to in writing, software distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License for the
specific language governing permissions and limitations under the License.
`;
}

main();
