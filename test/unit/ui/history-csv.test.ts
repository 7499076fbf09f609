/**
 * The CSV export: what a spreadsheet or a CRM import reads back, field for field, and that nothing
 * in it runs as a formula — while phone numbers stay numbers a CRM can use.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src/messages';
import { CSV_COLUMNS, csvField, csvFileName, historyCsv, localDateTime } from '../../../src/ui/history-csv';

const AT = new Date(2026, 10, 30, 14, 5, 9).getTime();

const CALL: HistoryEntry = {
  id: 'a1',
  kind: 'call',
  direction: 'outgoing',
  number: '+4922166966966',
  at: AT,
  outcome: 'answered',
  provider: 'sipgate',
  origin: { title: 'Müller "Maschinenbau", Köln', host: 'crm.example', url: 'https://crm.example/contacts/42?tab=1' },
  durationSeconds: 185,
  note: 'Rückruf Dienstag\nwegen Angebot',
};

/** RFC 4180, as spreadsheets read it: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('history as CSV', () => {
  it('starts with a BOM, ends lines with CRLF and quotes every field', () => {
    const csv = historyCsv([CALL]);
    expect(csv.startsWith('\uFEFF"date","direction",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv).not.toMatch(/[^\r]\n(?!wegen)/);
  });

  it('reads back field for field', () => {
    const [header, row, ...rest] = parseCsv(historyCsv([CALL]).slice(1));
    expect(rest).toEqual([]);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(row).toEqual([
      '2026-11-30 14:05:09',
      'outgoing',
      'call',
      "'+4922166966966",
      'Müller "Maschinenbau", Köln',
      'https://crm.example/contacts/42?tab=1',
      'answered',
      '185',
      'Rückruf Dienstag\nwegen Angebot',
    ]);
  });

  it('leaves fields empty that the entry does not have', () => {
    const bare: HistoryEntry = {
      id: 'x',
      kind: 'sms',
      direction: 'incoming',
      number: '+3225551212',
      at: AT,
      outcome: 'sent',
      provider: 'sipgate',
    };
    expect(parseCsv(historyCsv([bare]).slice(1))[1]).toEqual([
      '2026-11-30 14:05:09',
      'incoming',
      'sms',
      "'+3225551212",
      '',
      '',
      'sent',
      '',
      '',
    ]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+cmd|calc!A0', `"'+1+cmd|calc!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['call back = yes', '"call back = yes"'],
    ['', '""'],
  ])('defuses %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('defuses a formula in a note or a page title', () => {
    const hostile: HistoryEntry = {
      ...CALL,
      origin: { title: '=cmd|" /C calc"!A0', host: 'evil.example', url: 'https://evil.example/' },
      note: '@SUM(1+1)*cmd|" /C calc"!A0',
    };
    const row = parseCsv(historyCsv([hostile]).slice(1))[1] ?? [];
    expect(row[4]).toBe(`'=cmd|" /C calc"!A0`);
    expect(row[8]).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    // No field of any row starts with something a spreadsheet would evaluate.
    for (const field of parseCsv(historyCsv([hostile, CALL]).slice(1)).flat()) {
      expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('keeps the number usable: text to a spreadsheet, the same E.164 to a phone-number importer', () => {
    const row = parseCsv(historyCsv([CALL]).slice(1))[1] ?? [];
    const number = row[3] ?? '';
    // Not a formula and not a float to Excel or LibreOffice: it does not start with + or a digit.
    expect(number).toMatch(/^'/);
    expect(parsePhoneNumberFromString(number)?.number).toBe(CALL.number);
  });

  it('writes dates in local time and names the file by day', () => {
    expect(localDateTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05');
    expect(csvFileName(AT)).toBe('ringback-history-2026-11-30.csv');
  });

  it('writes only the header for an empty history', () => {
    expect(parseCsv(historyCsv([]).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});
