/**
 * Tolerant readers for provider JSON. Answers cross a trust boundary: anything that is not the
 * expected shape becomes a `bad-response` ProviderError, never a crash further down.
 */
import { isRecord } from '../guards';
import { providerError } from './errors';

/** Narrows unknown JSON to a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The objects in a JSON array (missing → empty); anything else is a bad response. */
export function listOf(value: unknown, field: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw providerError('bad-response', [field]);
  return value.map((item) => asRecord(item)).filter((item): item is Record<string, unknown> => item !== undefined);
}

/** A string or number field as trimmed text; undefined when absent or empty. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The first of several field names that holds text (providers name the same thing differently). */
export function firstText(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = textOf(record[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}
