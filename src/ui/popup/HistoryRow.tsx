import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { HISTORY_NOTE_MAX_LENGTH, type HistoryEntry } from '../../messages';
import { OUTCOME_TONE, outcomeKey } from '../format';
import { NumberWhereWhen } from './NumberWhereWhen';

interface Props {
  readonly entry: HistoryEntry;
  readonly number: string;
  readonly when: string;
  readonly canSms: boolean;
  readonly onCall: (entry: HistoryEntry) => void;
  readonly onSms: (entry: HistoryEntry) => void;
  /** Saves the entry's note (empty removes it); resolves whether it was saved. */
  readonly onNote: (entry: HistoryEntry, note: string) => Promise<boolean>;
  /** The call just placed: its note field is open, waiting for a line about the call. */
  readonly offerNote?: boolean;
}

/** One recent call or SMS: who, from which page, when, how it went, the user's note; call or text again. */
export function HistoryRow({ entry, number, when, canSms, onCall, onSms, onNote, offerNote = false }: Props) {
  const [editing, setEditing] = useState(offerNote);
  const [draft, setDraft] = useState(entry.note ?? '');
  const [saving, setSaving] = useState(false);
  // The row may already be shown when its call becomes the one just placed.
  useEffect(() => {
    if (offerNote) setEditing(true);
  }, [offerNote]);
  const kind = entry.kind === 'sms' ? t('historySms') : entry.direction === 'incoming' ? t('historyIncoming') : '';
  // The time first: the page title is the part that may be cut short.
  const meta = [when, entry.origin?.title || entry.origin?.host].filter(Boolean).join(' · ');
  const save = async () => {
    setSaving(true);
    const saved = await onNote(entry, draft);
    setSaving(false);
    if (saved) setEditing(false);
  };
  return (
    <li class="history-row">
      <div class="entry">
        <div>
          <span class="entry-number">{number}</span>{' '}
          <span class={`outcome ${OUTCOME_TONE[entry.outcome]}`}>
            {kind ? `${kind} · ` : ''}
            {t(outcomeKey(entry.outcome))}
          </span>
        </div>
        <NumberWhereWhen e164={entry.number} />
        <div class="entry-meta" title={meta}>
          {meta}
        </div>
        {entry.note && !editing ? <div class="entry-note">{entry.note}</div> : null}
        {editing ? (
          <form
            class="note-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              type="text"
              maxLength={HISTORY_NOTE_MAX_LENGTH}
              value={draft}
              aria-label={t('historyNoteLabel', [number])}
              placeholder={t('historyNotePlaceholder')}
              onInput={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                setDraft(entry.note ?? '');
                setEditing(false);
              }}
            />
            <button type="submit" class="small" disabled={saving} aria-label={t('historyNoteSaveLabel', [number])}>
              {t('historyNoteSave')}
            </button>
          </form>
        ) : null}
      </div>
      {!editing ? (
        <button
          type="button"
          class="small"
          aria-label={t(entry.note ? 'historyNoteEditLabel' : 'historyNoteAddLabel', [number])}
          onClick={() => setEditing(true)}
        >
          {t('historyNote')}
        </button>
      ) : null}
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
