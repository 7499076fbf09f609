/** Searching history the ways people remember a call. */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/messages';
import { historyMatches } from '../../../src/ui/history-search';

const ENTRY: HistoryEntry = {
  id: 'a1',
  kind: 'call',
  direction: 'outgoing',
  number: '+4922166966966',
  at: 0,
  outcome: 'ended',
  provider: 'fonial',
  origin: { title: 'Müller Maschinenbau — Kontakt', host: 'crm.example' },
  note: 'Angebot bis Freitag',
};
const SHOWN = '0221 66966966';

describe('history search', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['0221 669', true],
    ['+49 221', true],
    ['4922166', true],
    ['(0221) 66966-966', true],
    ['0211', false],
    ['müller', true],
    ['MASCHINENBAU', true],
    ['crm.example', true],
    ['freitag', true],
    ['montag', false],
    ['12', false],
  ])('%j matches: %s', (query, matches) => {
    expect(historyMatches(ENTRY, query, SHOWN)).toBe(matches);
  });

  it('searches an entry without page or note by its number', () => {
    const bare: HistoryEntry = { ...ENTRY, origin: undefined, note: undefined } as HistoryEntry;
    expect(historyMatches(bare, '669669', SHOWN)).toBe(true);
    expect(historyMatches(bare, 'müller', SHOWN)).toBe(false);
  });
});
