import { t } from '../../i18n';
import { type CallReport, PHASE_MESSAGES } from '../../messages';

interface Props {
  readonly report: CallReport;
  /** The number as the user should read it. */
  readonly number?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Offered while the call is in progress and its provider can end it. */
  readonly onHangUp?: () => void;
  readonly hangingUp?: boolean;
  /** Why the last hang-up failed (translated). */
  readonly hangUpError?: string;
}

/** Where the latest call attempt stands, in words; a call that needs confirming asks here. */
export function CallStatus({ report, number, onConfirm, onCancel, onHangUp, hangingUp, hangUpError }: Props) {
  const phase = t(PHASE_MESSAGES[report.phase]);
  const reason = report.reason ? t(report.reason, report.details) : '';
  if (report.phase === 'confirm') {
    return (
      <div class="status confirm" role="alert">
        <p>
          <strong>{number ? t('confirmCallTo', [number]) : t('confirmCall')}</strong>
        </p>
        {reason ? <p>{reason}</p> : null}
        <div class="actions" style={{ marginTop: '8px' }}>
          <button type="button" class="primary small" onClick={onConfirm}>
            {t('confirmCallAnyway')}
          </button>
          <button type="button" class="small" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class={`status ${report.phase}`}>
      <div class="status-line">
        <div role="status" aria-live="polite">
          {number ? <p class="entry-number">{number}</p> : null}
          <p>{phase}</p>
          {reason ? <p>{reason}</p> : null}
        </div>
        {onHangUp ? (
          <button
            type="button"
            class="danger small"
            onClick={onHangUp}
            disabled={hangingUp}
            aria-label={number ? t('hangUpNumber', [number]) : t('hangUp')}
          >
            {t('hangUp')}
          </button>
        ) : null}
      </div>
      {hangUpError ? (
        <p class="error" role="alert">
          {hangUpError}
        </p>
      ) : null}
    </div>
  );
}
