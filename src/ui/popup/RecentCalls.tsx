import { t, uiLanguage } from '../../i18n';
import type { HistoryEntry } from '../../messages';
import { formatNumber, formatWhen } from '../format';
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
}

const SHOWN = 15;

/** The latest calls and texts, newest first, each one click from being repeated. */
export function RecentCalls({ entries, error, homeCountry, canSms, now, onCall, onSms, onClear }: Props) {
  const phone = usePhone();
  const shown = [...(entries ?? [])].sort((a, b) => b.at - a.at).slice(0, SHOWN);
  return (
    <section class="section" aria-labelledby="recent-heading">
      <div class="section-head">
        <h2 id="recent-heading">{t('recentHeading')}</h2>
        {shown.length > 0 ? (
          <button type="button" class="link small" onClick={onClear}>
            {t('recentClear')}
          </button>
        ) : null}
      </div>
      {error ? <p class="error">{error}</p> : null}
      {entries && shown.length === 0 && !error ? <p class="hint">{t('recentEmpty')}</p> : null}
      {shown.length > 0 ? (
        <ul class="list">
          {shown.map((entry) => (
            <HistoryRow
              key={entry.id}
              entry={entry}
              number={formatNumber(entry.number, phone, homeCountry)}
              when={formatWhen(entry.at, now, uiLanguage())}
              canSms={canSms}
              onCall={onCall}
              onSms={onSms}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
