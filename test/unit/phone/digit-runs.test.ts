import { describe, expect, it } from 'vitest';
import { findDigitRuns } from '../../../src/phone/digit-runs';

function runs(text: string): string[] {
  return findDigitRuns(text).map((run) => text.slice(run.start, run.end));
}

describe('findDigitRuns: the pre-filter', () => {
  it('joins digit groups across the separators numbers are written with', () => {
    expect(runs('Tel. 0221 669669-66, Fax 030/2 34 56 78.')).toEqual(['0221 669669-66', '030/2 34 56 78']);
    expect(runs('02/555.12.34 and 06 – 12 34 56 78')).toEqual(['02/555.12.34', '06 – 12 34 56 78']);
  });

  it('takes a leading + and a parenthesis that the run closes', () => {
    expect(runs('(+49) 221 66966966')).toEqual(['(+49) 221 66966966']);
    expect(runs('(0161) 496 0000')).toEqual(['(0161) 496 0000']);
    expect(runs('Kontakt (0221 66966966)')).toEqual(['0221 66966966']);
  });

  it('skips digit runs too short to be a number, and ones far too long', () => {
    expect(runs('Hauptstr. 12, 50667 Köln, 2024')).toEqual([]);
    expect(runs('1'.repeat(40))).toEqual([]);
  });

  it('never starts a run inside another: a glued head keeps its tail', () => {
    const [run] = findDigitRuns('DE89 3704 0044 0532 0130 00');
    expect(run?.start).toBe(2);
    expect(run?.groupStarts.length).toBe(6);
  });

  it('ends a run at separators longer than four characters', () => {
    expect(runs('0221 66966966     0171 1234567')).toEqual(['0221 66966966', '0171 1234567']);
  });

  it('keeps spaced dashes around parentheses inside one run', () => {
    expect(runs('Telefon: +49 - (40) - 300 30 - 1141')).toEqual(['+49 - (40) - 300 30 - 1141']);
  });
});
