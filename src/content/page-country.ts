/**
 * Which countries a page points to, for reading national numbers, nearest evidence first:
 *
 * 1. the block around the number: a country name (in the five UI languages) or a postal code
 *    written with its country letter (`NL-1012`, `D-50667`, `CH-8001`) in the same address block
 *    — when the block names one country only: a list of embassies or branches in several countries
 *    says nothing about which one a number belongs to;
 * 2. the page: its `<html lang>` region (`nl-NL`), then its host's country-code domain (`.nl`).
 *
 * These are `FindOptions.countryHints`: a national number is read in the first of them that
 * validates it, else in the user's default country. Other numbers on the page written with a `+`
 * code are weaker evidence: a German CRM listing one Dutch contact must not read Berlin's
 * `030 1234567` as Utrecht's. So the most frequent foreign `+` country is only a fallback, used
 * for a run in which nothing was found with the hints and the default country.
 *
 * A page written in a language that is not one of the default country's (`<html lang="es">` for a
 * German user; English, the web's lingua franca, excepted) is not read in the default country at
 * all: a Paraguayan `(021) 496 261` is also a valid Leverkusen number, and a page in Spanish under
 * `.com` gives no better evidence. Such numbers are left unmarked rather than read as German.
 *
 * Cheap by construction: nothing here runs until the scanner has a run that passed the digit
 * pre-filter; the page's evidence is read once, each block's once (cached by element). */
import type { CountryCode } from '../phone';
import { getCountries, isSupportedCountry } from '../phone/libphonenumber';

/** Country-code domains sold worldwide as generic names: they say nothing about a country. */
const GENERIC_COUNTRY_DOMAINS = new Set([
  'ac',
  'ai',
  'cc',
  'cf',
  'co',
  'fm',
  'ga',
  'gg',
  'gq',
  'im',
  'io',
  'la',
  'ly',
  'me',
  'ml',
  'nu',
  'sh',
  'tk',
  'to',
  'tv',
  'vc',
  'ws',
]);

/** The languages country names are recognised in: the five UI languages. */
const NAME_LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;

/**
 * Countries whose name is also a common word or first name in those languages (`Georgia` the US
 * state, `Jordan`, `Chad`, `Jersey`, `Maurice`, German `Island` for Iceland): naming them proves
 * nothing about an address.
 */
const AMBIGUOUS_NAMES = new Set(['georgia', 'jordan', 'chad', 'jersey', 'guernsey', 'maurice', 'island', 'man']);

/** Names people write that the region names leave out. */
const EXTRA_NAMES: Readonly<Record<string, CountryCode>> = {
  usa: 'US',
  'u.s.a': 'US',
  holland: 'NL',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
};

/** Country letters written before a postal code in European addresses (`D-50667 Köln`). */
const POSTAL_PREFIXES: Readonly<Record<string, CountryCode>> = {
  A: 'AT',
  B: 'BE',
  CH: 'CH',
  CZ: 'CZ',
  D: 'DE',
  DK: 'DK',
  E: 'ES',
  F: 'FR',
  FL: 'LI',
  H: 'HU',
  I: 'IT',
  L: 'LU',
  N: 'NO',
  NL: 'NL',
  P: 'PT',
  PL: 'PL',
  S: 'SE',
  SK: 'SK',
};

/** A postal code with its country letters, followed by the town: `NL-1012 AB Amsterdam`, `CH-8001 Zürich`. */
const PREFIXED_POSTAL_CODE = /(?<![\p{L}\d-])([A-Z]{1,2})-\s?\d{4,5}(?:\s?[A-Z]{2})?\s+\p{Lu}/gu;
/** Words, with the dots and apostrophes inside names (`U.S.A`, `Côte d’Ivoire`). */
const WORD = /\p{L}+(?:[.'’]\p{L}+)*/gu;
/** From the first letter on: not part of a number. */
const AFTER_NUMBER = /\p{L}[\s\S]*$/u;
/** The longest country name in words ("Bosnia and Herzegovina" has three). */
const MAX_NAME_WORDS = 4;
/** How much of a block is read for evidence: an address block is short. */
const MAX_BLOCK_TEXT = 2_000;
/** A block's parent is read as its context when it has at most this many child elements. */
const MAX_CONTEXT_CHILDREN = 12;
/** `+` numbers looked at for the page's evidence. */
const MAX_PLUS_NUMBERS = 200;

/** The region of a language tag (`nl-NL` → NL); none for a bare language or `es-419`. */
export function regionOfLanguage(tag: string | null | undefined): CountryCode | undefined {
  if (!tag) return undefined;
  try {
    return supported(new Intl.Locale(tag.trim()).region);
  } catch {
    return undefined;
  }
}

/** The country of a host's country-code domain (`www.example.nl` → NL, `.co.uk` → GB). */
export function countryOfHost(host: string): CountryCode | undefined {
  const top = host.toLowerCase().replace(/\.$/, '').split('.').at(-1) ?? '';
  if (!/^[a-z]{2}$/.test(top) || GENERIC_COUNTRY_DOMAINS.has(top)) return undefined;
  return supported(top === 'uk' ? 'GB' : top.toUpperCase());
}

/** Countries an address or country name in `text` names, in the order written. */
export function countriesInText(text: string): CountryCode[] {
  const found: CountryCode[] = [];
  const sample = text.length > MAX_BLOCK_TEXT ? text.slice(0, MAX_BLOCK_TEXT) : text;
  const hits: { at: number; country: CountryCode }[] = [];
  for (const match of sample.matchAll(PREFIXED_POSTAL_CODE)) {
    const country = POSTAL_PREFIXES[match[1] ?? ''];
    if (country) hits.push({ at: match.index, country });
  }
  const { names, prefixes } = countryNames();
  // Read on a block of every row of a table: most words start no name, and are dropped after
  // one look-up without the words after them being read.
  for (let at = nextWord(sample, 0); at >= 0; at = nextWord(sample, wordEnd)) {
    // Country names are written capitalised in all five languages: `china`, `turkey` are not.
    if (!isCapital(sample, at)) continue;
    const resume = wordEnd;
    let phrase = sample.slice(at, wordEnd).toLowerCase();
    for (let length = 1; length <= MAX_NAME_WORDS && prefixes.has(phrase); length++) {
      const country = names.get(phrase);
      if (country) {
        hits.push({ at, country });
        break;
      }
      const next = nextWord(sample, wordEnd);
      if (next < 0) break;
      phrase = `${phrase} ${sample.slice(next, wordEnd).toLowerCase()}`;
    }
    wordEnd = resume;
  }
  hits.sort((a, b) => a.at - b.at);
  for (const { country } of hits) if (!found.includes(country)) found.push(country);
  return found;
}

/**
 * Where the next word (as `WORD` reads words) starts at or after `from`, -1 when none; its end is
 * left in `wordEnd`. A block of every table row is read: stepping through characters, with a
 * letter test cached per character, costs a fraction of the regular expression.
 */
function nextWord(text: string, from: number): number {
  let start = from;
  while (start < text.length && letterSize(text, start) === 0) start++;
  if (start >= text.length) return -1;
  let end = start;
  for (;;) {
    for (let size = letterSize(text, end); size > 0; size = letterSize(text, end)) end += size;
    const joiner = text.charCodeAt(end);
    // `U.S.A`, `d’Ivoire`: a dot or apostrophe with letters on both sides stays in the word.
    if (joiner !== 0x2e && joiner !== 0x27 && joiner !== 0x2019) break;
    const after = letterSize(text, end + 1);
    if (after === 0) break;
    end += 1 + after;
  }
  wordEnd = end;
  return start;
}

let wordEnd = 0;

/** Per UTF-16 code unit: 0 not looked at yet, else one of the three below. */
const characterKinds = new Uint8Array(0x10000);
const NOT_LETTER = 1;
const LETTER_KIND = 2;
const CAPITAL = 3;

/** How many code units the letter at `at` takes (a letter beyond the BMP two), 0 if none is there. */
function letterSize(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(at) ?? code;
    return point > 0xffff && IS_LETTER.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  return kindOf(code) === NOT_LETTER ? 0 : 1;
}

function isCapital(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return IS_CAPITAL.test(String.fromCodePoint(text.codePointAt(at) ?? code));
  return kindOf(code) === CAPITAL;
}

function kindOf(code: number): number {
  let kind = characterKinds[code] ?? 0;
  if (kind === 0) {
    const character = String.fromCharCode(code);
    kind = IS_CAPITAL.test(character) ? CAPITAL : IS_LETTER.test(character) ? LETTER_KIND : NOT_LETTER;
    characterKinds[code] = kind;
  }
  return kind;
}

const IS_LETTER = /^\p{L}$/u;
const IS_CAPITAL = /^\p{Lu}$/u;

interface CountryNames {
  /** Lower-cased country names in the five languages → country. */
  readonly names: Map<string, CountryCode>;
  /** Every name's leading words (`bosnia`, `bosnia and`, …): a phrase outside it starts no name. */
  readonly prefixes: Set<string>;
}

let countryNameTable: CountryNames | undefined;
/** The table as it is being built, one language at a time (see `buildCountryNames`). */
const namesSoFar = new Map<string, CountryCode>(Object.entries(EXTRA_NAMES));
let languagesRead = 0;

/** The country names, built on first need. */
function countryNames(): CountryNames {
  while (!buildCountryNames());
  return countryNameTable as CountryNames;
}

/**
 * Builds the name table a piece at a time — one language's names (a few milliseconds of
 * `Intl.DisplayNames`), then the prefixes — so the scanner can spread it over idle slices.
 * True once the table is complete.
 */
function buildCountryNames(): boolean {
  if (countryNameTable) return true;
  const names = namesSoFar;
  const language = NAME_LANGUAGES[languagesRead];
  if (language !== undefined) {
    languagesRead++;
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      return false;
    }
    for (const country of getCountries()) {
      const name = display.of(country);
      if (!name) continue;
      const key = [...name.matchAll(WORD)].map((w) => w[0].toLowerCase()).join(' ');
      if (key && !AMBIGUOUS_NAMES.has(key) && !names.has(key)) names.set(key, country);
    }
    return false;
  }
  const prefixes = new Set<string>();
  for (const name of names.keys()) {
    const words = name.split(' ');
    for (let length = 1; length <= words.length; length++) prefixes.add(words.slice(0, length).join(' '));
  }
  countryNameTable = { names, prefixes };
  return true;
}

/**
 * The countries of numbers written with a `+` code in `text`, most frequent first. `countryOf`
 * reads one number starting at the `+` (the detector, so only real numbers count).
 */
export function countriesOfPlusNumbers(
  text: string,
  countryOf: (number: string) => CountryCode | undefined,
): CountryCode[] {
  return new PlusNumberTally(text, countryOf).finish();
}

/** `countriesOfPlusNumbers`, read a few numbers at a time. */
class PlusNumberTally {
  readonly #text: string;
  readonly #countryOf: (number: string) => CountryCode | undefined;
  readonly #counts = new Map<CountryCode, number>();
  #at: number;
  #seen = 0;

  constructor(text: string, countryOf: (number: string) => CountryCode | undefined) {
    this.#text = text;
    this.#countryOf = countryOf;
    this.#at = text.indexOf('+');
  }

  /** Reads up to `numbers` more numbers; true when there are no more to read. */
  step(numbers: number): boolean {
    const text = this.#text;
    for (let read = 0; read < numbers; this.#at = text.indexOf('+', this.#at + 1)) {
      const at = this.#at;
      if (at < 0 || this.#seen >= MAX_PLUS_NUMBERS) return true;
      if (!/[\s\u00a0(]?\d/.test(text.slice(at + 1, at + 3))) continue;
      this.#seen++;
      read++;
      // The page's text joins its blocks without spaces: a number ends where letters start.
      const country = this.#countryOf(text.slice(at, at + 32).replace(AFTER_NUMBER, ''));
      if (country) this.#counts.set(country, (this.#counts.get(country) ?? 0) + 1);
    }
    return this.#at < 0 || this.#seen >= MAX_PLUS_NUMBERS;
  }

  /** Reads the rest; the countries, most frequent first. */
  finish(): CountryCode[] {
    while (!this.step(MAX_PLUS_NUMBERS));
    return this.countries();
  }

  /** Most frequent first. */
  countries(): CountryCode[] {
    return [...this.#counts.entries()].sort((a, b) => b[1] - a[1]).map(([country]) => country);
  }
}

/** `+` numbers read per piece of `PageCountry.gather`: each is a call of the detector. */
const PLUS_NUMBERS_PER_PIECE = 16;

export interface PageCountryOptions {
  /** The country a `+` number at the start of the text belongs to (the detector's reading). */
  readonly countryOfPlusNumber: (text: string) => CountryCode | undefined;
}

/** How to read a run: the hints, and a country to try when nothing is found with them. */
export interface CountryReading {
  readonly countryHints: readonly CountryCode[];
  readonly fallbackCountry: CountryCode | undefined;
  /** False where the page's language rules the default country out (see the module comment). */
  readonly defaultCountryFits: boolean;
}

/**
 * The languages of the countries users pick as their default (our markets and their neighbours).
 * A country missing here is never ruled out by a page's language.
 */
const COUNTRY_LANGUAGES: Readonly<Partial<Record<CountryCode, readonly string[]>>> = {
  AT: ['de'],
  BE: ['nl', 'fr', 'de'],
  CH: ['de', 'fr', 'it', 'rm'],
  DE: ['de'],
  DK: ['da'],
  ES: ['es', 'ca', 'gl', 'eu'],
  FR: ['fr'],
  GB: ['en', 'cy', 'gd'],
  IE: ['en', 'ga'],
  IT: ['it'],
  LI: ['de'],
  LU: ['lb', 'fr', 'de'],
  NL: ['nl', 'fy'],
  PL: ['pl'],
  PT: ['pt'],
  SE: ['sv'],
  US: ['en', 'es'],
};

/** Whether a page in `language` may hold national numbers of `country`. */
export function languageFits(language: string | null | undefined, country: CountryCode): boolean {
  // Asked for every run that passes the pre-filter; a page has one language, and parsing the tag
  // each time cost more than reading the run's block evidence: the last answer is kept.
  if (language !== lastLanguage || country !== lastCountry || lastFits === undefined) {
    lastFits = languageFitsUncached(language, country);
    lastLanguage = language;
    lastCountry = country;
  }
  return lastFits;
}

/** The last question and answer, asked again for every run of a page. */
let lastLanguage: string | null | undefined;
let lastCountry: CountryCode | undefined;
let lastFits: boolean | undefined;

function languageFitsUncached(language: string | null | undefined, country: CountryCode): boolean {
  let primary: string;
  try {
    primary = new Intl.Locale((language ?? '').trim()).language;
  } catch {
    return true;
  }
  const spoken = COUNTRY_LANGUAGES[country];
  return primary === 'en' || !spoken || spoken.includes(primary);
}

/** One page's evidence, gathered lazily and kept until the page is scanned afresh. */
export class PageCountry {
  readonly #document: Document;
  readonly #options: PageCountryOptions;
  #page: readonly CountryCode[] | undefined;
  #plusNumbers: readonly CountryCode[] | undefined;
  /** The `+` numbers read so far, while `gather` is under way. */
  #tally: PlusNumberTally | undefined;
  #blocks = new WeakMap<Node, readonly CountryCode[]>();

  constructor(document: Document, options: PageCountryOptions) {
    this.#document = document;
    this.#options = options;
  }

  /** How to read a run in block `container` (see the module comment). */
  readingFor(container: Node, defaultCountry: CountryCode): CountryReading {
    const hints: CountryCode[] = [];
    for (const evidence of [this.#blockEvidence(container), this.#pageEvidence()]) {
      for (const country of evidence) if (country !== defaultCountry && !hints.includes(country)) hints.push(country);
    }
    const fallback = this.#plusNumberEvidence().find(
      (country) => country !== defaultCountry && !hints.includes(country),
    );
    const language = this.#document.documentElement.getAttribute('lang');
    return {
      countryHints: hints,
      fallbackCountry: fallback,
      defaultCountryFits: languageFits(language, defaultCountry),
    };
  }

  /** Forget what was read (the page is about to be scanned afresh). */
  reset(): void {
    this.#page = undefined;
    this.#plusNumbers = undefined;
    this.#tally = undefined;
    this.#blocks = new WeakMap();
  }

  #pageEvidence(): readonly CountryCode[] {
    if (this.#page) return this.#page;
    const document = this.#document;
    const evidence: CountryCode[] = [];
    const language = regionOfLanguage(document.documentElement.getAttribute('lang'));
    if (language) evidence.push(language);
    const domain = countryOfHost(document.location?.hostname ?? '');
    if (domain && !evidence.includes(domain)) evidence.push(domain);
    this.#page = evidence;
    return evidence;
  }

  /**
   * Gathers the page-level evidence in pieces of a few milliseconds, checking `shouldYield`
   * before each: the country names in five languages, the page's text, its `+` numbers. On a
   * 10,000-row page they took 50 ms in one go. True once all of it is there.
   */
  gather(shouldYield: () => boolean): boolean {
    while (!this.#plusNumbers) {
      if (shouldYield()) return false;
      if (!buildCountryNames()) continue;
      if (!this.#tally) {
        this.#tally = this.#newTally();
        continue;
      }
      if (this.#tally.step(PLUS_NUMBERS_PER_PIECE)) this.#plusNumbers = this.#tally.countries();
    }
    return true;
  }

  #plusNumberEvidence(): readonly CountryCode[] {
    this.#plusNumbers ??= (this.#tally ?? this.#newTally()).finish();
    return this.#plusNumbers;
  }

  #newTally(): PlusNumberTally {
    const text = (this.#document.body ?? this.#document.documentElement).textContent ?? '';
    return new PlusNumberTally(text, this.#options.countryOfPlusNumber);
  }

  #blockEvidence(container: Node): readonly CountryCode[] {
    const context = contextOf(container);
    let evidence = this.#blocks.get(context);
    if (!evidence) {
      const named = countriesInText(context.textContent ?? '');
      evidence = named.length === 1 ? named : [];
      this.#blocks.set(context, evidence);
    }
    return evidence;
  }
}

/**
 * Where a run's address evidence is read: its block, or the block's parent when that is a small
 * group (a table row, a contact card of a few lines) — not the page body or a long list.
 */
function contextOf(container: Node): Node {
  const parent = container.parentElement;
  if (
    !parent ||
    parent.localName === 'body' ||
    parent.localName === 'html' ||
    parent.childElementCount > MAX_CONTEXT_CHILDREN
  ) {
    return container;
  }
  return parent;
}

function supported(region: string | undefined): CountryCode | undefined {
  return region && /^[A-Z]{2}$/.test(region) && isSupportedCountry(region) ? (region as CountryCode) : undefined;
}
