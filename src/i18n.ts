/**
 * Translated text by message key. Keys travel as plain strings (provider errors, call phases), so
 * this is the one place that turns them into text; a missing key shows as itself rather than an
 * empty label.
 *
 * `browser.i18n` always speaks the browser's language and cannot switch at runtime. When the user
 * picks another language in the options, extension pages load that locale's messages.json with
 * `loadLanguage` and `t` resolves from it, following Chrome's placeholder rules.
 */
import { browser } from 'wxt/browser';
import { LOCALES, type Locale } from './settings';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** One entry of a `_locales/<lang>/messages.json` file. */
export interface CatalogEntry {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

export type Catalog = Readonly<Record<string, CatalogEntry>>;

let catalog: Catalog | undefined;
let catalogLanguage: Locale | undefined;

export function t(key: string, substitutions?: readonly string[]): string {
  const entry = catalog?.[key];
  if (entry) return formatMessage(entry, substitutions ?? []);
  const text = browser.i18n.getMessage(key as MessageKey, substitutions ? [...substitutions] : undefined);
  return text || key;
}

/**
 * Switches this page's text to `language` ('' = the browser's language). Resolves once the messages
 * are loaded; a locale that cannot be loaded leaves the browser's language in place.
 */
export async function loadLanguage(language: '' | Locale): Promise<void> {
  if (language === catalogLanguage || (language === '' && catalog === undefined)) return;
  if (language === '') {
    catalog = undefined;
    catalogLanguage = undefined;
    return;
  }
  try {
    const url = new URL(`_locales/${language}/messages.json`, browser.runtime.getURL('/'));
    const response = await fetch(url);
    const loaded = parseCatalog(await response.json());
    if (!loaded) return;
    catalog = loaded;
    catalogLanguage = language;
  } catch (error) {
    console.warn('Ringback: could not load the language', language, error instanceof Error ? error.name : '');
  }
}

/** Installs an already loaded catalog (tests; pages that bundle one). `undefined` restores the browser's. */
export function setCatalog(language: Locale | undefined, messages: Catalog | undefined): void {
  catalogLanguage = messages ? language : undefined;
  catalog = messages;
}

/** The BCP 47 tag text is shown in: the chosen language, else the browser's. For Intl formatting. */
export function uiLanguage(): string {
  return catalogLanguage ?? browser.i18n.getUILanguage();
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Chrome's rules: `$name$` is a named placeholder (case-insensitive) whose content may use `$1`…`$9`
 * for the substitutions; `$1`…`$9` may also appear directly; `$$` is a literal `$`. Substitutions
 * are inserted once and never themselves interpreted.
 */
export function formatMessage(entry: CatalogEntry, substitutions: readonly string[]): string {
  const placeholders = new Map<string, string>();
  for (const [name, value] of Object.entries(entry.placeholders ?? {})) {
    placeholders.set(name.toLowerCase(), value.content);
  }
  const substitute = (text: string) =>
    text.replace(/\$\$|\$([1-9])/g, (_whole, index?: string) =>
      index === undefined ? '$' : (substitutions[Number(index) - 1] ?? ''),
    );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (whole, name?: string, index?: string) => {
    if (whole === '$$') return '$';
    if (index !== undefined) return substitutions[Number(index) - 1] ?? '';
    const content = placeholders.get((name ?? '').toLowerCase());
    return content === undefined ? whole : substitute(content);
  });
}

function parseCatalog(raw: unknown): Catalog | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const entries: Record<string, CatalogEntry> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'object' || value === null || typeof (value as CatalogEntry).message !== 'string') continue;
    entries[key] = value as CatalogEntry;
  }
  return entries;
}
