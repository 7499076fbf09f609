/**
 * Which page filters leave the card readable (a click on it calls) and which drive it toward
 * invisible (a click calls nothing). The hostile page's e2e test shows both ends in the browser;
 * this table covers the values in between.
 */
import { describe, expect, it } from 'vitest';
import { keepsContrast, throughFilter, UNFILTERED } from '../../../src/content/filter-look';

/** The card's verdict when `filters` (innermost first, as the chain is walked) lie over it. */
function readable(...filters: string[]): boolean {
  let look = throughFilter(UNFILTERED, filters[0] ?? 'none');
  for (const filter of filters.slice(1)) look = look && throughFilter(look, filter);
  return look !== undefined && look.alpha >= 0.95 && keepsContrast(look);
}

describe('filters over the card', () => {
  it.each([
    'none',
    'invert(1) hue-rotate(180deg)',
    'invert(100%) hue-rotate(180deg) contrast(90%) sepia(10%)',
    'invert(0.9) contrast(1.1)',
    'invert(1) brightness(0.5)',
    'invert(1) contrast(0.5)',
    'grayscale(1) sepia(0.4) saturate(3)',
    'contrast(10)',
    'drop-shadow(rgb(0, 0, 0) 2px 2px 4px)',
    'blur(0.5px)',
    'invert()',
  ])('keeps it readable: %s', (filter) => {
    expect(readable(filter)).toBe(true);
  });

  it.each([
    'opacity(0)',
    'opacity(0.5)',
    'brightness(0)',
    'brightness(0.3)',
    'brightness(10)',
    'contrast(0)',
    'contrast(30%)',
    'invert(0.5)',
    'invert(1) contrast(0.2)',
    'blur(20px)',
    'url("#hide")',
    'invert(1) url("data:image/svg+xml,<svg>)</svg>")',
    'nonsense(1)',
    'invert(1',
    'brightness(-1)',
  ])('hides it: %s', (filter) => {
    expect(readable(filter)).toBe(false);
  });

  it('adds up filters on several elements, as they are painted one through the other', () => {
    expect(readable('brightness(0.7)')).toBe(true);
    expect(readable('brightness(0.7)', 'brightness(0.7)')).toBe(false);
    expect(readable('invert(1) hue-rotate(180deg)', 'invert(1) hue-rotate(180deg)')).toBe(true);
  });
});
