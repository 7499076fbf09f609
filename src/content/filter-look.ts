/**
 * What CSS `filter`s leave of the card to see. Dark-mode extensions such as Dark Reader put a
 * colour filter on the page's root (`html { filter: invert(1) hue-rotate(180deg) }`, with their
 * brightness, contrast and sepia sliders added) and Firefox paints the top layer, and so the card,
 * through it. Such a filter keeps the card readable and must not refuse the user's click; one that
 * drives the card toward invisible must: opacity, brightness or contrast near 0, invert near 0.5
 * (everything one grey), a brightness that washes everything to white, blur, or an SVG `url()`
 * filter, which could do anything.
 *
 * Filters are followed on grey levels: colour-only functions (hue-rotate, grayscale, sepia,
 * saturate) and drop-shadow leave greys as they are; brightness, contrast and invert move them;
 * opacity fades. What is left must keep at least half the distance between black and white and
 * between two mid greys.
 */

/** Grey levels followed through the filters: black, two mid greys, white. */
export interface Look {
  readonly greys: readonly [number, number, number, number];
  /** What the filters' `opacity()` left (element opacity is counted apart). */
  readonly alpha: number;
}

export const UNFILTERED: Look = { greys: [0, 0.25, 0.75, 1], alpha: 1 };

/** The share of the black-to-white (and mid-grey) distance a filter must leave. */
const MIN_CONTRAST_KEPT = 0.5;
/** More blur than this and the card's 13 px text is no longer read. */
const MAX_BLUR_PX = 1;

/** `look` seen through a computed `filter` value; undefined when that filter may hide the card. */
export function throughFilter(look: Look, filter: string): Look | undefined {
  if (filter === 'none' || filter === '') return look;
  const functions = filterFunctions(filter);
  if (!functions) return undefined;
  let greys = look.greys;
  let alpha = look.alpha;
  for (const { name, args } of functions) {
    const map = greyMap(name, args);
    if (map === undefined) return undefined;
    if (map === 'colour-only') continue;
    if ('fade' in map) alpha *= map.fade;
    else greys = [map.grey(greys[0]), map.grey(greys[1]), map.grey(greys[2]), map.grey(greys[3])];
  }
  return { greys, alpha };
}

/** Whether the greys are still far enough apart to read the card (its fading is checked apart). */
export function keepsContrast(look: Look): boolean {
  const [black, darkGrey, lightGrey, white] = look.greys;
  const extremes = Math.abs(white - black);
  const middle = 2 * Math.abs(lightGrey - darkGrey);
  return Math.min(extremes, middle) >= MIN_CONTRAST_KEPT;
}

type GreyMap = 'colour-only' | { readonly fade: number } | { readonly grey: (level: number) => number };

function greyMap(name: string, args: string): GreyMap | undefined {
  switch (name) {
    case 'hue-rotate':
    case 'grayscale':
    case 'sepia':
    case 'saturate':
    case 'drop-shadow':
      return 'colour-only';
    case 'blur': {
      const radius = args === '' ? 0 : Number.parseFloat(args);
      return radius <= MAX_BLUR_PX ? 'colour-only' : undefined;
    }
    case 'opacity':
      return amountOf(args, (a) => ({ fade: Math.min(a, 1) }));
    case 'brightness':
      return amountOf(args, (a) => ({ grey: (v) => clamp(v * a) }));
    case 'contrast':
      return amountOf(args, (a) => ({ grey: (v) => clamp((v - 0.5) * a + 0.5) }));
    case 'invert':
      return amountOf(args, (a) => {
        const amount = Math.min(a, 1);
        return { grey: (v) => v * (1 - amount) + (1 - v) * amount };
      });
    default:
      return undefined;
  }
}

/** A filter function's amount: a number or a percentage, 1 when left out; undefined when unreadable. */
function amountOf(args: string, map: (amount: number) => GreyMap): GreyMap | undefined {
  if (args === '') return map(1);
  const amount = Number.parseFloat(args) / (args.endsWith('%') ? 100 : 1);
  return Number.isFinite(amount) && amount >= 0 ? map(amount) : undefined;
}

/** `name(args) name(args) …`; undefined when the value is not such a list. */
function filterFunctions(value: string): { name: string; args: string }[] | undefined {
  const functions: { name: string; args: string }[] = [];
  let rest = value.trim();
  while (rest !== '') {
    const open = rest.indexOf('(');
    if (open <= 0) return undefined;
    let depth = 0;
    let close = -1;
    for (let index = open; index < rest.length && close < 0; index += 1) {
      if (rest[index] === '(') depth += 1;
      else if (rest[index] === ')' && --depth === 0) close = index;
    }
    if (close < 0) return undefined;
    functions.push({ name: rest.slice(0, open).trim().toLowerCase(), args: rest.slice(open + 1, close).trim() });
    rest = rest.slice(close + 1).trim();
  }
  return functions;
}

function clamp(level: number): number {
  return Math.min(1, Math.max(0, level));
}
