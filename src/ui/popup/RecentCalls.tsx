import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../../i18n';
import type { HistoryEntry } from '../../messages';
import { formatNumber, formatWhen } from '../format';
import { csvFileName, historyCsv } from '../history-csv';
import { historyMatches } from '../history-search';
import { usePhone } from '../phone';
import { HistoryRow } from './HistoryRow';

interface Props {
  /** Undefined while loading. */
  readonly entries: readonly HistoryEntry[] | undefined;
  readonly error?: string;
  readonly homeCountry: string;
  readonly canSms: boolean;
  readonly now: number;
  readonly onCall: (entry: HistoryEntry) => void;
  readonly onSms: (entry: HistoryEntry) => void;
  readonly onClear: () => void;
  readonly onNote: (entry: HistoryEntry, note: string) => Promise<boolean>;
  /** The history entry of the call just placed: it offers a note. */
  readonly noteOfferId?: string;
}

const SHOWN = 15;

/** The latest calls and texts, newest first, each one click from being repeated; searchable, exportable. */
export function RecentCalls({
  entries,
  error,
  homeCountry,
  canSms,
  now,
  onCall,
  onSms,
  onClear,
  onNote,
  noteOfferId,
}: Props) {
  const phone = usePhone();
  const [query, setQuery] = useState('');
  const all = [...(entries ?? [])].sort((a, b) => b.at - a.at);
  const shownNumber = (entry: HistoryEntry) => formatNumber(entry.number, phone, homeCountry);
  const matching = all.filter((entry) => historyMatches(entry, query, shownNumber(entry)));
  const shown = matching.slice(0, SHOWN);
  // The export holds what the search found: all of history when nothing is searched for.
  const exportCsv = () => download(historyCsv(matching), csvFileName(Date.now()));
  return (
    <section class="section" aria-labelledby="recent-heading">
      <div class="section-head">
        <h2 id="recent-heading">{t('recentHeading')}</h2>
        {all.length > 0 ? (
          <span class="actions">
            <button type="button" class="link small" onClick={exportCsv} aria-label={t('historyExportLabel')}>
              {t('historyExport')}
            </button>
            <button type="button" class="link small" onClick={onClear}>
              {t('recentClear')}
            </button>
          </span>
        ) : null}
      </div>
      {all.length > 0 ? (
        <input
          type="search"
          class="history-search"
          value={query}
          aria-label={t('historySearchLabel')}
          placeholder={t('historySearchPlaceholder')}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {entries && all.length === 0 && !error ? <p class="hint">{t('recentEmpty')}</p> : null}
      {all.length > 0 && matching.length === 0 ? (
        <p class="hint" role="status">
          {t('historySearchNone', [query.trim()])}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul class="list">
          {shown.map((entry) => (
            <HistoryRow
              key={entry.id}
              entry={entry}
              number={shownNumber(entry)}
              when={formatWhen(entry.at, now, uiLanguage())}
              canSms={canSms}
              onCall={onCall}
              onSms={onSms}
              onNote={onNote}
              offerNote={entry.id === noteOfferId && !entry.note}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Saves `text` as a file through the browser's download, without any permission. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
