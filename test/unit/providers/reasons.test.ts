/**
 * Every sentence a provider error can show exists in all five languages. The keys are read from the
 * provider sources themselves (every `'err…'` literal), so a new reason cannot be forgotten here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FIELDS } from '../../../src/providers/catalog';
import { GENERIC_REASON } from '../../../src/providers/errors';

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES = ['en', 'de', 'nl', 'fr', 'es'] as const;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function messages(locale: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
}

function reasonKeysInSources(): string[] {
  const dir = join(ROOT, 'src/providers');
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/'(err[A-Z][A-Za-z0-9]*)'/g)) {
      if (match[1]) keys.add(match[1]);
    }
  }
  return [...keys].sort();
}

const reasonKeys = [...new Set([...reasonKeysInSources(), ...Object.values(GENERIC_REASON)])].sort();
const labelKeys = [...new Set(Object.values(CREDENTIAL_FIELDS).flatMap((fields) => fields.map((f) => f.labelKey)))];

describe('provider error sentences', () => {
  it('finds the reasons in the sources (sanity check of the scan)', () => {
    expect(reasonKeys).toEqual(expect.arrayContaining(['errVoipcenter21', 'errSmsTooLong', 'errFonemaRejected']));
    expect(reasonKeys.filter((key) => key.startsWith('errVoipcenter'))).toHaveLength(14);
  });

  it.each(LOCALES)('exist in %s, with every placeholder defined', (locale) => {
    const catalogue = messages(locale);
    for (const key of [...reasonKeys, ...labelKeys]) {
      const entry = catalogue[key];
      expect(entry?.message, `${locale}: ${key}`).toMatch(/\S/);
      const used = [...(entry?.message ?? '').matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase());
      for (const name of used)
        expect(entry?.placeholders?.[name ?? '']?.content, `${locale}: ${key} $${name}$`).toMatch(/^\$\d$/);
    }
  });

  it('use the same placeholders in every language as in English', () => {
    const english = messages('en');
    for (const locale of LOCALES) {
      const catalogue = messages(locale);
      for (const key of reasonKeys) {
        const names = (c: Record<string, Message>) => Object.keys(c[key]?.placeholders ?? {}).sort();
        expect(names(catalogue), `${locale}: ${key}`).toEqual(names(english));
      }
    }
  });
});
