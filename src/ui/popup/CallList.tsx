import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { CallListAction, CallListOutcome, CallListView } from '../../messages';

interface Props {
  readonly list: CallListView;
  /** Numbers as the user reads them, by E.164. */
  readonly format: (e164: string) => string;
  readonly onAct: (action: CallListAction) => void;
  /** An action is on its way: the buttons wait for its answer. */
  readonly busy: boolean;
  /** Why the last action was refused (translated). */
  readonly error?: string;
}

const OUTCOME_KEYS: Readonly<Record<CallListOutcome, string>> = {
  pending: 'callListPending',
  ringing: 'outcome_ringing',
  connected: 'outcome_connected',
  ended: 'outcome_ended',
  failed: 'outcome_failed',
  unknown: 'outcome_unknown',
  skipped: 'callListSkipped',
};

const OUTCOME_TONES: Readonly<Record<CallListOutcome, 'good' | 'bad' | 'neutral'>> = {
  pending: 'neutral',
  ringing: 'neutral',
  connected: 'good',
  ended: 'neutral',
  failed: 'bad',
  unknown: 'bad',
  skipped: 'neutral',
};

/**
 * The running call list: where it stands ("3 of 12"), what happens next, each number's outcome,
 * and what the user can do — Pause/Resume, Skip, Stop where the provider tells when a call ended,
 * Next where it does not; "call anyway" when a number needs confirming; Close once it is over.
 */
export function CallList({ list, format, onAct, busy, error }: Props) {
  const now = useSecondTicks(list.phase === 'waiting' && !list.paused);
  // When the list last changed: the spoken status counts down from there and stays put.
  const changedAt = useMemo(() => Date.now(), [list]);
  const total = list.entries.length;
  const position = Math.max(1, Math.min(total, list.current + 1));
  const current = list.entries[list.current];
  const upcoming = list.entries.find((entry, index) => index > list.current && entry.outcome === 'pending');
  const done = list.phase === 'done';
  // Buttons wait with aria-disabled, not `disabled`, which would drop the keyboard focus of the
  // button just pressed (Pause becomes Resume in place; Next stays while its call is placed).
  const waiting = (blocked: boolean) => (busy || blocked ? 'true' : undefined);
  const act =
    (action: CallListAction, blocked = false) =>
    () => {
      if (!busy && !blocked) onAct(action);
    };
  const currentText = current && format(current.number);
  const upcomingText = upcoming && format(upcoming.number);

  return (
    <section class="section call-list" aria-labelledby="call-list-heading">
      <div class="section-head">
        <h2 id="call-list-heading" tabIndex={-1}>
          {t('callListHeading')}
        </h2>
        <span class="muted" id="call-list-progress">
          {t('callListProgress', [String(position), String(total)])}
        </span>
      </div>
      <p class="status call-list-status">{statusLine(list, now, currentText, upcomingText)}</p>
      {/* Read out once per change of the list, not on every tick of the countdown above. */}
      <p class="visually-hidden" role="status">
        {statusLine(list, changedAt, currentText, upcomingText)}
      </p>
      {list.phase === 'confirm' && current ? (
        <div class="status confirm" role="alert">
          <p>
            <strong>{t('confirmCallTo', [format(current.number)])}</strong>
          </p>
          {list.confirmReason ? <p>{t(list.confirmReason)}</p> : null}
        </div>
      ) : null}
      <div class="actions">
        {list.phase === 'confirm' ? (
          <button type="button" class="primary small" aria-disabled={waiting(false)} onClick={act('confirm')}>
            {t('confirmCallAnyway')}
          </button>
        ) : null}
        {!done && list.mode === 'next' && (list.phase === 'ready' || list.phase === 'placing') && upcoming ? (
          <button
            type="button"
            class="primary small"
            aria-disabled={waiting(list.phase !== 'ready')}
            aria-label={t('callListNextLabel', [format(upcoming.number)])}
            onClick={act('next', list.phase !== 'ready')}
          >
            {t('callListNext')}
          </button>
        ) : null}
        {!done && list.mode === 'follow' && list.phase !== 'confirm' ? (
          <button
            type="button"
            class="small"
            aria-disabled={waiting(false)}
            aria-label={list.paused ? t('callListResumeLabel') : t('callListPauseLabel')}
            onClick={act(list.paused ? 'resume' : 'pause')}
          >
            {list.paused ? t('callListResume') : t('callListPause')}
          </button>
        ) : null}
        {!done && (list.phase === 'confirm' ? current : upcoming) ? (
          <button
            type="button"
            class="small"
            aria-disabled={waiting(list.phase === 'placing')}
            aria-label={t('callListSkipLabel', [format((list.phase === 'confirm' ? current : upcoming)?.number ?? '')])}
            onClick={act('skip', list.phase === 'placing')}
          >
            {t('callListSkip')}
          </button>
        ) : null}
        {done ? (
          <button
            type="button"
            class="small"
            aria-disabled={waiting(false)}
            aria-label={t('callListCloseLabel')}
            onClick={act('close')}
          >
            {t('callListClose')}
          </button>
        ) : (
          <button
            type="button"
            class="danger small"
            aria-disabled={waiting(false)}
            aria-label={t('callListStopLabel')}
            onClick={act('stop')}
          >
            {t('callListStop')}
          </button>
        )}
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <ol class="list call-list-entries">
        {list.entries.map((entry, index) => (
          <li key={entry.number} aria-current={index === list.current && !done ? 'step' : undefined}>
            <div class="entry">
              <span class="entry-number">{format(entry.number)}</span>{' '}
              <span class={`outcome ${OUTCOME_TONES[entry.outcome]}`}>{t(OUTCOME_KEYS[entry.outcome])}</span>
              {entry.reason ? <div class="entry-meta">{t(entry.reason)}</div> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function statusLine(list: CallListView, now: number, current?: string, upcoming?: string): string {
  switch (list.phase) {
    case 'placing':
      return t('callListCalling', [current ?? '']);
    case 'in-call':
      return list.paused ? t('callListInCallPaused', [current ?? '']) : t('callListInCall', [current ?? '']);
    case 'waiting': {
      if (list.paused) return upcoming ? t('callListPaused', [upcoming]) : t('callListPausedEnd');
      const seconds = Math.max(0, Math.ceil(((list.nextAt ?? now) - now) / 1_000));
      return t('callListNextIn', [String(seconds), upcoming ?? '']);
    }
    case 'ready':
      return t('callListReady', [upcoming ?? '']);
    case 'confirm':
      return t('callListConfirm', [current ?? '']);
    case 'done':
      return list.end === 'unknown'
        ? t('callListEndUnknown')
        : list.end === 'stopped'
          ? t('callListEndStopped')
          : t('callListEndCompleted');
  }
}

/** The current time, updated every second while `running` (the countdown to the next call). */
function useSecondTicks(running: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const id = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(id);
  }, [running]);
  return now;
}
