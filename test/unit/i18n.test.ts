/**
 * Every user-visible sentence exists in every language: the locales have the same keys, the same
 * placeholders, and every key the code refers to is defined.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAL_ERROR_MESSAGES, PHASE_MESSAGES } from '../../src/messages';
import { CREDENTIAL_FIELDS } from '../../src/providers/catalog';
import { GENERIC_REASON } from '../../src/providers/errors';
import { LOCALES } from '../../src/settings';
import { OUTCOME_TONE, outcomeKey } from '../../src/ui/format';
import { NUMBER_TYPE_KEYS } from '../../src/ui/number-input';

const ROOT = join(import.meta.dirname, '..', '..');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<
      string,
      Entry
    >,
  ]),
);
const en = catalogs.en ?? {};

/** `$name$` references in a message, lower-cased as Chrome matches them. */
function referenced(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();
}

function placeholderSignature(entry: Entry): string[] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Keys the code names literally: t('…'), getMessage('…'), __MSG_…__, reason/labelKey: '…', and key-shaped literals. */
function keysInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [
    ...sourceFiles(join(ROOT, 'src')),
    ...sourceFiles(join(ROOT, 'entrypoints')),
    join(ROOT, 'wxt.config.ts'),
  ];
  const patterns = [
    /\bt\(\s*'([A-Za-z0-9_]+)'/g,
    /getMessage\(\s*'([A-Za-z0-9_]+)'/g,
    /__MSG_([A-Za-z0-9_]+)__/g,
    /\b(?:reason|labelKey|verbKey|messageKey):\s*'([A-Za-z0-9_]+)'/g,
    /'((?:err|callPhase|dialError|cred)[A-Z][A-Za-z0-9_]*)'/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1];
        if (key && !found.has(key)) found.set(key, relative(ROOT, file));
      }
    }
  }
  return found;
}

describe('locales', () => {
  it('has a messages.json for every language Ringback offers', () => {
    for (const locale of LOCALES) expect(Object.keys(catalogs[locale] ?? {}).length, locale).toBeGreaterThan(0);
  });

  it('uses only the characters Chrome allows in message names', () => {
    for (const locale of LOCALES) {
      const bad = Object.keys(catalogs[locale] ?? {}).filter(
        (key) => !/^[A-Za-z0-9_]+$/.test(key) || key.startsWith('@@'),
      );
      expect(bad, locale).toEqual([]);
    }
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
    const keys = new Set(Object.keys(catalogs[locale] ?? {}));
    const missing = Object.keys(en).filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !(key in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('%s has a non-empty message and the same placeholders as English for every key', (locale) => {
    const catalog = catalogs[locale] ?? {};
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(catalog)) {
      const original = en[key];
      if (typeof entry.message !== 'string' || entry.message.trim() === '') problems.push(`${key}: empty`);
      if (!original) continue;
      if (placeholderSignature(entry).join() !== placeholderSignature(original).join()) {
        problems.push(`${key}: placeholders differ from English`);
      }
      const defined = Object.keys(entry.placeholders ?? {})
        .map((n) => n.toLowerCase())
        .sort();
      const used = [...new Set(referenced(entry.message))];
      if (used.some((name) => !defined.includes(name))) problems.push(`${key}: uses an undefined placeholder`);
      if (defined.some((name) => !used.includes(name))) problems.push(`${key}: drops a placeholder`);
    }
    expect(problems).toEqual([]);
  });
});

describe('keys used by the code', () => {
  it('are all defined', () => {
    const missing = [...keysInSource()].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('include every key reached through a table', () => {
    const tabled = [
      ...Object.values(PHASE_MESSAGES),
      ...Object.values(GENERIC_REASON),
      ...Object.values(DIAL_ERROR_MESSAGES),
      ...Object.values(NUMBER_TYPE_KEYS),
      ...Object.keys(OUTCOME_TONE).map((o) => outcomeKey(o as keyof typeof OUTCOME_TONE)),
      ...Object.values(CREDENTIAL_FIELDS).flatMap((fields) => fields.map((f) => f.labelKey)),
    ];
    expect(tabled.filter((key) => !(key in en))).toEqual([]);
  });
});

describe('formatMessage, as Chrome resolves messages', () => {
  it('fills named placeholders from the substitutions, case-insensitively', async () => {
    const { formatMessage } = await import('../../src/i18n');
    const entry = {
      message: 'Call $Number$ from $DEVICE$',
      placeholders: { number: { content: '$1' }, device: { content: '$2' } },
    };
    expect(formatMessage(entry, ['+49 221 66966966', 'Desk phone'])).toBe('Call +49 221 66966966 from Desk phone');
  });

  it('inserts substitutions once, never reading them as placeholders, and keeps $$ as $', async () => {
    const { formatMessage } = await import('../../src/i18n');
    const entry = { message: 'Costs $$5: $REASON$', placeholders: { reason: { content: '$1' } } };
    expect(formatMessage(entry, ['$1 and $REASON$'])).toBe('Costs $5: $1 and $REASON$');
    expect(formatMessage({ message: 'Missing $1' }, [])).toBe('Missing ');
  });
});
