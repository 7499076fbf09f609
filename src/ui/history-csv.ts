/**
 * History as a CSV file for a CRM import, written so spreadsheets open it as it is: UTF-8 with a
 * byte-order mark (Excel otherwise guesses a legacy code page), CRLF line ends, every field quoted
 * with quotes doubled, and no field a spreadsheet would run as a formula — one starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV
 * injection). Notes and page titles are the user's and the page's text, so this matters.
 *
 * Phone numbers: E.164 (`+4922166966966`) is what CRMs import best, but a field starting with `+`
 * is a formula to Excel and a number to LibreOffice (shown as 4.92E+12, the `+` gone). So the
 * number column holds E.164 behind the same `'` as any other risky field: both spreadsheets show
 * it as text, and an importer that reads numbers the libphonenumber way skips the `'` and reads
 * the E.164 number unchanged (test/unit/ui/history-csv.test.ts checks that it does).
 *
 * Column names and values (direction, outcome) are stable English keys whatever the UI language,
 * so an import mapping set up once keeps working.
 */
import type { HistoryEntry } from '../messages';

export const CSV_COLUMNS = [
  'date',
  'direction',
  'type',
  'number',
  'page title',
  'page URL',
  'outcome',
  'duration (s)',
  'note',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** What spreadsheets take as the start of a formula (or hide before one). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = [CSV_COLUMNS, ...entries.map(rowOf)];
  return `${BOM}${rows.map((row) => row.map(csvField).join(',')).join(CRLF)}${CRLF}`;
}

/** One field, quoted, with a formula start defused. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

function rowOf(entry: HistoryEntry): readonly string[] {
  return [
    localDateTime(entry.at),
    entry.direction,
    entry.kind,
    entry.number,
    entry.origin?.title ?? '',
    entry.origin?.url ?? '',
    entry.outcome,
    entry.durationSeconds === undefined ? '' : String(entry.durationSeconds),
    entry.note ?? '',
  ];
}

/** "2026-11-30 14:05:09" in the user's time zone: both Excel and LibreOffice read it as a date. */
export function localDateTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The file name of an export made at `at`: ringback-history-2026-11-30.csv. */
export function csvFileName(at: number): string {
  return `ringback-history-${localDateTime(at).slice(0, 10)}.csv`;
}
