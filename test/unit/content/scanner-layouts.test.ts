// @vitest-environment happy-dom
/**
 * How the scanner reads text split over inline elements: labels glued to their value across
 * elements, block boundaries that separate, call links whose number wins. happy-dom has no Highlight API, so a
 * Set-based stand-in is installed.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdleEnvironment } from '../../../src/content/idle';
import { PageNumbers } from '../../../src/content/page-numbers';
import { Scanner } from '../../../src/content/scanner';

beforeAll(() => {
  const g = globalThis as unknown as { Highlight?: unknown };
  g.Highlight ??= class extends Set<AbstractRange> {};
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: new Map() }, configurable: true });
});

let numbers: PageNumbers;
let scanner: Scanner;
let queue: ((deadline: IdleDeadline) => void)[];

beforeEach(() => {
  document.body.innerHTML = '';
  queue = [];
  const env: IdleEnvironment = {
    now: () => performance.now(),
    requestIdle: (callback) => queue.push(callback),
    cancelIdle: () => queue.splice(0),
    setTimer: () => 0,
    clearTimer: () => undefined,
  };
  numbers = new PageNumbers();
  scanner = new Scanner({ numbers, defaultCountry: 'DE', onShadowRoot: () => undefined, idle: { env } });
});

afterEach(() => {
  scanner.stop();
  numbers.dispose();
});

/** Scans `html` as the page body; each mark as its range's text and the E.164 it calls. */
function scan(html: string): [string, string][] {
  numbers.clear();
  document.body.innerHTML = html;
  scanner.queue(document.body);
  for (let guard = 0; queue.length > 0 && guard < 1_000; guard++) {
    queue.shift()?.({ didTimeout: false, timeRemaining: () => 50 } as IdleDeadline);
  }
  return [...numbers.all()].map((f) => [f.range.toString(), f.match.e164]);
}

describe('labels and values in separate inline elements', () => {
  it('reads a label glued to its value across spans', () => {
    expect(scan('<p><span>Tel.:</span><span>0221 66966966</span></p>')).toEqual([['0221 66966966', '+4922166966966']]);
    expect(scan('<p><span>Telefon</span><span>0221 66966966</span></p>')).toEqual([
      ['0221 66966966', '+4922166966966'],
    ]);
  });

  it('reads both numbers when a link ends where the next label starts', () => {
    expect(scan('<p>Tel.:<a href="#">+49(0)221-66966969</a>Fax:<span>+49(0)221-66966960</span></p>')).toEqual([
      ['+49(0)221-66966969', '+4922166966969'],
      ['+49(0)221-66966960', '+4922166966960'],
    ]);
  });

  it('still joins one number written across inline elements', () => {
    expect(scan('<p><b>0221</b> 66966966</p>')).toEqual([['0221 66966966', '+4922166966966']]);
    expect(scan('<p><span>0221</span><span>66966966</span></p>')).toEqual([['022166966966', '+4922166966966']]);
  });

  it('takes no part of a number whose digits go on in the next element', () => {
    expect(scan('<p><span>0221 669669</span><span>661234567</span></p>')).toEqual([]);
    expect(scan('<p><time>06/11/2023</time><span><a href="#c">0 Kommentare</a></span></p>')).toEqual([]);
  });

  it('keeps a country prefix split off by markup glued to its digits', () => {
    expect(scan('<p>USt-IdNr. <b>DE</b>123456789</p>')).toEqual([]);
  });

  it('keeps blocks, table cells and line breaks apart', () => {
    expect(scan('<div>0221</div><div>66966966</div>')).toEqual([]);
    expect(scan('<table><tr><td>0221</td><td>66966966</td></tr></table>')).toEqual([]);
    expect(scan('<p>0221<br>66966966</p>')).toEqual([]);
  });
});

describe('the page’s country', () => {
  it('takes no part of a longer digit run that only the default country reads, against the page’s evidence', () => {
    document.documentElement.lang = 'en-GB';
    try {
      expect(scan('<p>Please call 0800 0282 878 or 18001 0800 0282 878 (Text relay service)</p>')).toEqual([
        ['0800 0282 878', '+448000282878'],
      ]);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });
});

describe('call links', () => {
  it('marks the link’s own number, never a shorter one, when text follows the link', () => {
    expect(scan('<p><a href="tel:+4930202511111">030 20 25 11 11</a>Service</p>')).toEqual([
      ['030 20 25 11 11', '+4930202511111'],
    ]);
  });

  it('marks a link’s text that is the href’s number even where the text alone is not read', () => {
    expect(scan('<p>Hotline<a href="tel:+4930202511111">030/20251111</a>0</p>')).toEqual([
      ['030/20251111', '+4930202511111'],
    ]);
  });

  it('calls the href’s number, which the card names, where the link’s text says another', () => {
    expect(scan('<p><a href="tel:+4930202511111">0221 66966966</a></p>')).toEqual([
      ['0221 66966966', '+4930202511111'],
    ]);
  });

  it('reads a national href as page text is read, not with the dial box’s leniency', () => {
    // A Bahamian number: without its trunk prefix it is no German number, whatever the href says.
    expect(scan('<p><a href="tel:2426981300">(242) 698-1300</a></p>')).toEqual([]);
    expect(scan('<p><a href="tel:022166966966">Zentrale</a> 0221 66966966</p>')).toEqual([
      ['0221 66966966', '+4922166966966'],
    ]);
  });

  it('leaves a link whose href is no number to the detector', () => {
    expect(scan('<p><a href="tel:hotline">0221 66966966</a></p>')).toEqual([['0221 66966966', '+4922166966966']]);
  });

  it('keeps a label inside the link out of the mark', () => {
    expect(scan('<p><a href="callto:+4922166966966">Tel. 0221 66966966</a></p>')).toEqual([
      ['0221 66966966', '+4922166966966'],
    ]);
  });
});
