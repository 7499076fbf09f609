/**
 * The policy schema administrators write against: generated from settings.ts, shipped as
 * public/managed-schema.json, and accepting exactly what Ringback's own settings accept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManagedSchema, type SchemaNode } from '../../../src/managed-schema';
import { applyManaged, DEFAULT_SETTINGS, SETTINGS_KEYS } from '../../../src/settings';

const FILE = join(import.meta.dirname, '..', '..', '..', 'public', 'managed-schema.json');
const ENTERPRISE_DOC = join(import.meta.dirname, '..', '..', '..', 'docs', 'enterprise.md');

if (process.env.UPDATE_MANAGED_SCHEMA === '1')
  writeFileSync(FILE, `${JSON.stringify(buildManagedSchema(), null, 2)}\n`);

/** Checks `value` against the subset of JSON Schema the generated schema uses; returns the problems. */
function validate(node: SchemaNode, value: unknown, path = '$'): string[] {
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : Number.isInteger(value)
        ? 'integer'
        : typeof value;
  if (type !== node.type) return [`${path}: ${type} is not ${node.type}`];
  if (node.minimum !== undefined && (value as number) < node.minimum) return [`${path}: below ${node.minimum}`];
  if (node.maximum !== undefined && (value as number) > node.maximum) return [`${path}: above ${node.maximum}`];
  if (node.enum && !node.enum.includes(value as string)) return [`${path}: not one of ${node.enum.join(', ')}`];
  if (node.pattern && !new RegExp(node.pattern).test(value as string))
    return [`${path}: does not match ${node.pattern}`];
  if (node.type === 'array' && node.items) {
    const items = node.items;
    return (value as unknown[]).flatMap((item, i) => validate(items, item, `${path}[${i}]`));
  }
  if (node.type === 'object') {
    const record = value as Record<string, unknown>;
    const missing = (node.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
    const unknown = Object.keys(record)
      .filter((key) => !node.properties?.[key])
      .map((key) => `${path}.${key}: unknown`);
    const nested = Object.entries(record).flatMap(([key, v]) => {
      const child = node.properties?.[key];
      return child ? validate(child, v, `${path}.${key}`) : [];
    });
    return [...missing, ...unknown, ...nested];
  }
  return [];
}

/** The policy example in docs/enterprise.md (the first ```json block). */
function documentedPolicy(): Record<string, unknown> {
  const doc = readFileSync(ENTERPRISE_DOC, 'utf8');
  const block = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/enterprise.md has no json example');
  return JSON.parse(block) as Record<string, unknown>;
}

describe('managed storage schema', () => {
  const schema = buildManagedSchema();

  it('is what public/managed-schema.json holds (run with UPDATE_MANAGED_SCHEMA=1 to rewrite it)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(schema);
  });

  it('offers every setting an administrator can lock, and nothing else', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...SETTINGS_KEYS].sort());
  });

  it('accepts the default settings', () => {
    const { version: _version, ...settings } = DEFAULT_SETTINGS;
    expect(validate(schema, settings)).toEqual([]);
  });

  it('refuses values settings.ts would refuse', () => {
    expect(validate(schema, { confirmCalls: 'sometimes' })).toHaveLength(1);
    expect(validate(schema, { defaultCountry: 'Germany' })).toHaveLength(1);
    expect(validate(schema, { accounts: [{ id: 'a', provider: 'skype' }] })).toHaveLength(1);
    expect(validate(schema, { accounts: [{ id: 'a', provider: 'fonial', baseUrl: 'ftp://x' }] })).toHaveLength(1);
    expect(validate(schema, { language: 'it' })).toHaveLength(1);
    expect(validate(schema, { telLinks: 'yes' })).toHaveLength(1);
    expect(validate(schema, { callListPauseSeconds: 2.5 })).toHaveLength(1);
    expect(validate(schema, { callListPauseSeconds: 301 })).toHaveLength(1);
  });

  it('accepts the documented policy example, which locks what it sets', () => {
    const policy = documentedPolicy();
    expect(validate(schema, policy)).toEqual([]);
    const { locked } = applyManaged(DEFAULT_SETTINGS, policy);
    expect([...locked].sort()).toEqual(Object.keys(policy).sort());
  });
});
