import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { type AccountSettings, hasPlainHttpAddress } from '../../settings';
import { presenceOffer } from '../presence';
import { PROVIDER_NAMES } from '../providers';

interface Props {
  readonly account: AccountSettings;
  readonly active: boolean;
  readonly hasCredentials: boolean;
  /** Its login was dropped when its provider or host changed. */
  readonly signInAgain: boolean;
  /** The administrator set the accounts: they can be used and logged into, not removed. */
  readonly locked: boolean;
  readonly activeLocked: boolean;
  readonly onEdit: () => void;
  readonly onActivate: () => void;
  readonly onRemove: () => void;
}

/** One saved account: which provider, whether it is the one in use, and what can be done with it. */
export function AccountRow({
  account,
  active,
  hasCredentials,
  signInAgain,
  locked,
  activeLocked,
  onEdit,
  onActivate,
  onRemove,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const name = account.label || PROVIDER_NAMES[account.provider];
  // Kept from an earlier version or set by policy: listed, so the user learns why it sends nothing.
  const plainHttp = hasPlainHttpAddress(account);
  return (
    <li class="account-row">
      <div class="entry">
        <div class="entry-number">
          {name} {active ? <span class="badge">{t('accountActive')}</span> : null}
        </div>
        <div class="entry-meta">
          {[
            PROVIDER_NAMES[account.provider],
            account.baseUrl,
            hasCredentials || signInAgain || plainHttp ? '' : t('accountNoLogin'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
        {presenceOffer(account.provider) ? <div class="entry-meta">{presenceOffer(account.provider)}</div> : null}
        {plainHttp ? (
          <div class="entry-meta sign-in-again">{t('errPlainHttpAccount')}</div>
        ) : signInAgain ? (
          <div class="entry-meta sign-in-again">{t('accountSignInAgain')}</div>
        ) : null}
      </div>
      {confirming ? (
        <div class="actions">
          <span>{t('accountRemoveConfirm', [name])}</span>
          <button type="button" class="small primary" onClick={onRemove}>
            {t('accountRemove')}
          </button>
          <button type="button" class="small" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div class="actions">
          {!active && !activeLocked ? (
            <button type="button" class="small" onClick={onActivate} aria-label={t('accountUseNamed', [name])}>
              {t('accountUse')}
            </button>
          ) : null}
          <button type="button" class="small" onClick={onEdit} aria-label={t('accountEditNamed', [name])}>
            {t('accountEdit')}
          </button>
          {!locked ? (
            <button
              type="button"
              class="small"
              onClick={() => setConfirming(true)}
              aria-label={t('accountRemoveNamed', [name])}
            >
              {t('accountRemove')}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
