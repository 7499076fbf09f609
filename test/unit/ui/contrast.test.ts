/**
 * WCAG contrast of the popup's and options page's colours, in light and dark schemes: text at least
 * 4.5:1 on every surface it appears on, control borders and the focus ring at least 3:1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'ui', 'styles.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

const light = variables(/:root\s*\{([^}]*)\}/.exec(CSS)?.[1] ?? '');
const dark = {
  ...light,
  ...variables(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(CSS)?.[1] ?? ''),
};

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: every pairing the stylesheet uses. */
const PAIRS: readonly [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5],
  ['on-accent', 'accent', 4.5],
  ['on-accent', 'accent-hover', 4.5],
  ['danger', 'bg', 4.5],
  ['danger', 'danger-surface', 4.5],
  ['success', 'bg', 4.5],
  ['success', 'success-surface', 4.5],
  ['text', 'success-surface', 4.5],
  ['text', 'danger-surface', 4.5],
  ['warning', 'bg', 4.5],
  ['warning', 'surface', 4.5],
  ['control-border', 'bg', 3],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s scheme', (_name, colours) => {
  it('defines every colour it pairs', () => {
    for (const [fg, bg] of PAIRS) expect([colours[fg], colours[bg]]).not.toContain(undefined);
  });

  it.each(PAIRS)('%s on %s reaches %d:1', (fg, bg, minimum) => {
    expect(contrast(colours[fg] ?? '#000000', colours[bg] ?? '#000000')).toBeGreaterThanOrEqual(minimum);
  });
});
