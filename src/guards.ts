/**
 * Type guards for values that cross a boundary: messages, storage written by an older version,
 * imported files, provider answers. Pure, so every layer may use them.
 */

/** A plain object (not null, not an array), whose fields still have to be checked one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
