import { t } from '../../i18n';
import type { PopupState } from '../../messages';
import { PROVIDER_NAMES } from '../providers';

interface Props {
  readonly state: PopupState;
  /** Opens the options (at the active account when there is one). */
  readonly onFix: () => void;
  readonly onRetry: () => void;
  readonly retrying: boolean;
}

/** The active account and whether it works; when it does not, the way to fix it. */
export function AccountStatus({ state, onFix, onRetry, retrying }: Props) {
  const { account, connection } = state;
  if (!account || connection.status === 'unconfigured') {
    return (
      <div class="notice" role="status">
        <p>{t('popupNoAccount')}</p>
        <div class="actions" style={{ marginTop: '8px' }}>
          <button type="button" class="primary" onClick={onFix}>
            {t('popupConnectAccount')}
          </button>
        </div>
      </div>
    );
  }
  const name = account.label || PROVIDER_NAMES[account.provider];
  if (connection.status === 'ok') {
    return (
      <div class="account">
        <div class="account-name" title={name}>
          {name}
        </div>
        <div class="connection">
          <span class="dot ok" aria-hidden="true" />
          <span>
            {connection.label && connection.label !== account.label
              ? t('popupConnectedAs', [connection.label])
              : t('popupConnected')}
          </span>
        </div>
      </div>
    );
  }
  return (
    <div class="account">
      <div class="account-name" title={name}>
        {name}
      </div>
      <div class="connection error">
        <span class="dot error" aria-hidden="true" />
        <span>{t('popupNotConnected')}</span>
      </div>
      <div class="notice error" role="alert" style={{ marginTop: '6px' }}>
        <p>{t(connection.reason, connection.details)}</p>
        <div class="actions" style={{ marginTop: '8px' }}>
          <button type="button" class="primary small" onClick={onFix}>
            {t('popupFixAccount')}
          </button>
          <button type="button" class="small" onClick={onRetry} disabled={retrying}>
            {t('popupRetry')}
          </button>
        </div>
      </div>
    </div>
  );
}
