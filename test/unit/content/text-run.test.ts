import { describe, expect, it } from 'vitest';
import {
  gapBetween,
  isCutFromDigits,
  MIN_DIGITS,
  mayContainPhoneNumber,
  numberStart,
  TextRun,
  textWindows,
} from '../../../src/content/text-run';

/** `<b>0221</b> <span>669669</span>-<i>77</i>` as the scanner reads it. */
function splitNumber(): TextRun<string> {
  const run = new TextRun<string>('td');
  run.append('b', '0221');
  run.append('gap', ' ');
  run.append('span', '669669');
  run.append('dash', '-');
  run.append('i', '77');
  return run;
}

describe('TextRun', () => {
  it('joins the text of adjacent nodes as a reader sees it', () => {
    expect(splitNumber().text).toBe('0221 669669-77');
  });

  it('maps a match back to the nodes and offsets it starts and ends in', () => {
    const run = splitNumber();
    expect(run.locate(0, 'start')).toEqual({ node: 'b', offset: 0 });
    expect(run.locate(14, 'end')).toEqual({ node: 'i', offset: 2 });
    expect(run.locate(7, 'start')).toEqual({ node: 'span', offset: 2 });
  });

  it('starts a range in the later node and ends it in the earlier one at a boundary', () => {
    const run = splitNumber();
    // Offset 4 is both the end of "0221" and the start of " ".
    expect(run.locate(4, 'start')).toEqual({ node: 'gap', offset: 0 });
    expect(run.locate(4, 'end')).toEqual({ node: 'b', offset: 4 });
  });

  it('skips empty nodes when a range starts on them', () => {
    const run = new TextRun<string>('p');
    run.append('a', 'Tel ');
    run.append('empty', '');
    run.append('b', '0221 66966966');
    expect(run.locate(4, 'start')).toEqual({ node: 'b', offset: 0 });
  });

  it('lists every node a match touches, in order', () => {
    const run = splitNumber();
    expect(run.nodesBetween(0, 14)).toEqual(['b', 'gap', 'span', 'dash', 'i']);
    expect(run.nodesBetween(5, 11)).toEqual(['span']);
  });
});

describe('labels and values in separate elements', () => {
  it('puts a gap no node holds between a label element and a number element', () => {
    const run = new TextRun<string>('p');
    run.append('label', 'Telefon');
    run.append('value', '0221 66966966', true);
    run.append('next', 'Fax', true);
    expect(run.text).toBe('Telefon 0221 66966966 Fax');
    expect(run.locate(8, 'start')).toEqual({ node: 'value', offset: 0 });
    expect(run.locate(21, 'end')).toEqual({ node: 'value', offset: 13 });
    // A start on the gap belongs to the node after it.
    expect(run.locate(7, 'start')).toEqual({ node: 'value', offset: 0 });
    expect(run.nodesBetween(8, 21)).toEqual(['value']);
  });

  it('adds no gap inside one element’s text or where neither letters nor digits meet', () => {
    const run = new TextRun<string>('p');
    run.append('a', 'Telefon');
    run.append('b', '0221', false);
    expect(run.text).toBe('Telefon0221');
    expect(gapBetween('Tel.:', '0221')).toBeUndefined();
    expect(gapBetween('0221 ', 'Fax')).toBeUndefined();
    expect(gapBetween('€', '12')).toBeUndefined();
  });

  it('gaps a letter meeting a digit, + or (, and a digit meeting a letter', () => {
    expect(gapBetween('Telefon', '0221')).toBe('label');
    expect(gapBetween('Telefon', '+49')).toBe('label');
    expect(gapBetween('Telefon', '(0221)')).toBe('label');
    expect(gapBetween('66966969', 'Fax:')).toBe('label');
    expect(gapBetween('電話', '０３')).toBe('label');
  });

  it('keeps two capitals before digits glued: a country prefix of an IBAN or VAT id', () => {
    expect(gapBetween('IBAN DE', '89 3704')).toBeUndefined();
    expect(gapBetween('DE', '123456789')).toBeUndefined();
    expect(gapBetween('Tel', '0221')).toBe('label');
    expect(gapBetween('GSM', '0471')).toBe('label');
  });

  it('remembers where two elements’ digits meet: a number may span the gap but not end or start on it', () => {
    const run = new TextRun<string>('p');
    run.append('date', '06/11/2023');
    run.append('count', '0 Kommentare', true);
    expect(run.text).toBe('06/11/2023 0 Kommentare');
    expect(run.digitGaps).toEqual([10]);
    expect(run.digitsContinue(0, 10)).toBe(true);
    expect(run.digitsContinue(11, 12)).toBe(true);
    expect(run.digitsContinue(0, 12)).toBe(false);
  });
});

describe('isCutFromDigits', () => {
  it('sees another digit group right before or after a number', () => {
    const text = 'call 18001 0800 0282 878 (Text relay)';
    expect(isCutFromDigits(text, text.indexOf('0282'), text.indexOf(' (Text'))).toBe(true);
    expect(isCutFromDigits(text, text.indexOf('18001'), text.indexOf(' 0282'))).toBe(true);
    expect(isCutFromDigits('Tel. 0221 66966966, Fax', 5, 18)).toBe(false);
    expect(isCutFromDigits('Tel. 0221 66966966 (Zentrale)', 5, 18)).toBe(false);
  });
});

describe('numberStart', () => {
  it('starts at the ( of a group the number closes', () => {
    const text = 'Zentrale (03 40) 51 89 01 10';
    expect(numberStart(text, 10, text.length)).toBe(9);
    expect(numberStart(text, 9, text.length)).toBe(9);
  });

  it('leaves a ( alone that the number does not close', () => {
    expect(numberStart('Büro (0221 66966966)', 6, 19)).toBe(6);
    expect(numberStart('(Büro) 0221 66966966', 7, 20)).toBe(7);
  });
});

describe('textWindows', () => {
  it('searches short text in one go', () => {
    expect(textWindows(500)).toEqual([{ start: 0, end: 500, ownStart: 0, ownEnd: 500 }]);
  });

  it('splits long text into overlapping windows whose own parts tile it exactly', () => {
    const windows = textWindows(10_000, 4_000, 80);
    expect(windows.map((w) => [w.ownStart, w.ownEnd])).toEqual([
      [0, 4_000],
      [4_000, 8_000],
      [8_000, 10_000],
    ]);
    expect(windows[1]).toMatchObject({ start: 3_920, end: 8_080 });
    expect(windows.at(-1)?.end).toBe(10_000);
  });

  it('keeps a number that crosses a window edge whole in the window it starts in', () => {
    const windows = textWindows(10_000, 4_000, 80);
    const number = { start: 3_990, end: 4_010 };
    const owner = windows.find((w) => number.start >= w.ownStart && number.start < w.ownEnd);
    expect(owner && number.end <= owner.end).toBe(true);
  });
});

describe('mayContainPhoneNumber', () => {
  it.each([
    'Tel. 0221 66966966',
    '+49 (0)221 669669-66',
    '030/2345678',
    '0221\u00a066966966',
    '+49 69 630\u200b2-309',
    '0221\n669\u00ad669',
    '＋１　（６５０）　３３３－６０００',
    '٠٥٠ ١٢٣ ٤٥٦٧',
    '\u202a+971 4 222 3333\u202c',
  ])('lets %j through to the detector', (text) => {
    expect(mayContainPhoneNumber(text)).toBe(true);
  });

  it.each([
    'Anna Müller',
    'Umsatz 12,34 €',
    `${'1'.repeat(MIN_DIGITS - 1)} Stück`,
    'a1b2c3d4e5f6g7',
    'Raum 12, Etage 3, Platz 45',
  ])('rejects %j without calling the detector', (text) => {
    expect(mayContainPhoneNumber(text)).toBe(false);
  });

  it('only looks at the given part of the text', () => {
    const text = 'Name: Anna — Tel. 0221 66966966';
    expect(mayContainPhoneNumber(text, 0, 12)).toBe(false);
    expect(mayContainPhoneNumber(text, 12)).toBe(true);
  });
});
