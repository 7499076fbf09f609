import { t } from '../../i18n';
import type { HistoryEntry } from '../../messages';
import { OUTCOME_TONE, outcomeKey } from '../format';

interface Props {
  readonly entry: HistoryEntry;
  readonly number: string;
  readonly when: string;
  readonly canSms: boolean;
  readonly onCall: (entry: HistoryEntry) => void;
  readonly onSms: (entry: HistoryEntry) => void;
}

/** One recent call or SMS: who, from which page, when, how it went; call or text again. */
export function HistoryRow({ entry, number, when, canSms, onCall, onSms }: Props) {
  const kind = entry.kind === 'sms' ? t('historySms') : entry.direction === 'incoming' ? t('historyIncoming') : '';
  // The time first: the page title is the part that may be cut short.
  const meta = [when, entry.origin?.title || entry.origin?.host].filter(Boolean).join(' · ');
  return (
    <li>
      <div class="entry">
        <div>
          <span class="entry-number">{number}</span>{' '}
          <span class={`outcome ${OUTCOME_TONE[entry.outcome]}`}>
            {kind ? `${kind} · ` : ''}
            {t(outcomeKey(entry.outcome))}
          </span>
        </div>
        <div class="entry-meta" title={meta}>
          {meta}
        </div>
      </div>
      <button type="button" class="small" aria-label={t('callNumber', [number])} onClick={() => onCall(entry)}>
        {t('callButton')}
      </button>
      {canSms ? (
        <button type="button" class="small" aria-label={t('smsNumber', [number])} onClick={() => onSms(entry)}>
          {t('smsButton')}
        </button>
      ) : null}
    </li>
  );
}
