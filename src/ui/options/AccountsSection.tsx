import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../../i18n';
import type { SettingsView } from '../../messages';
import { CREDENTIAL_FIELDS, DEFAULT_BASE_URLS } from '../../providers/catalog';
import type { ProviderId } from '../../providers/types';
import type { AccountSettings } from '../../settings';
import { ask } from '../api';
import { AccountForm } from './AccountForm';
import { AccountRow } from './AccountRow';
import { requestHostAccess } from './host-permission';
import { Locked } from './Locked';

interface Props {
  readonly view: SettingsView;
  /** Open this account's form at once (the popup's "fix" link). */
  readonly initialEdit?: string;
  readonly onChanged: () => Promise<void>;
}

interface Editing {
  readonly account: AccountSettings;
  readonly isNew: boolean;
}

/** The accounts list with add, edit, remove and "use this one". */
export function AccountsSection({ view, initialEdit, onChanged }: Props) {
  const { accounts, activeAccountId } = view.settings;
  const locked = view.locked.includes('accounts');
  const activeLocked = view.locked.includes('activeAccountId');
  const [editing, setEditing] = useState<Editing | undefined>(() => {
    const wanted = accounts.find((a) => a.id === initialEdit);
    if (wanted) return { account: wanted, isNew: false };
    return accounts.length === 0 && !locked ? { account: newAccount(), isNew: true } : undefined;
  });
  const [error, setError] = useState<string>();

  const act = async (reply: Promise<{ ok: boolean; reason?: string; details?: readonly string[] }>) => {
    const result = await reply;
    if (result.ok) {
      setError(undefined);
      await onChanged();
    } else {
      setError(t(result.reason ?? 'errInternal', result.details));
    }
  };

  return (
    <section class="card" aria-labelledby="accounts-heading">
      <div>
        <h2 id="accounts-heading">{t('optionsAccounts')}</h2>
        <p class="hint" style={{ margin: 0 }}>
          {t('optionsAccountsHint')}
        </p>
      </div>
      {locked ? <Locked /> : null}
      {accounts.length > 0 ? (
        <ul class="accounts">
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              active={account.id === activeAccountId}
              hasCredentials={view.withCredentials.includes(account.id)}
              locked={locked}
              activeLocked={activeLocked}
              onEdit={() => setEditing({ account, isNew: false })}
              onActivate={() => void act(ask({ type: 'set-active-account', accountId: account.id }))}
              onRemove={() => {
                if (editing?.account.id === account.id) setEditing(undefined);
                void act(ask({ type: 'remove-account', accountId: account.id }));
              }}
            />
          ))}
        </ul>
      ) : null}
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {editing ? (
        <AccountForm
          key={editing.account.id}
          account={editing.account}
          isNew={editing.isNew}
          hasCredentials={view.withCredentials.includes(editing.account.id)}
          locked={locked}
          fieldsFor={(provider) => CREDENTIAL_FIELDS[provider]}
          defaultBaseUrl={(provider) => DEFAULT_BASE_URLS[provider]}
          requestHost={requestHostAccess}
          onTest={(account, credentials) =>
            ask({ type: 'test-connection', account, ...(credentials ? { credentials } : {}) })
          }
          onSave={async (account, credentials) => {
            const reply = await ask({ type: 'save-account', account, ...(credentials ? { credentials } : {}) });
            if (reply.ok) {
              setEditing(undefined);
              await onChanged();
            }
            return reply;
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : !locked ? (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setEditing({ account: newAccount(), isNew: true })}>
            {t('accountAdd')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** A blank account, on the provider most likely for the user's language. */
function newAccount(): AccountSettings {
  const language = uiLanguage().slice(0, 2);
  const provider: ProviderId =
    language === 'nl' || language === 'fr' ? 'voipcenter' : language === 'es' ? 'fonema' : 'fonial';
  return {
    id: `account-${crypto.randomUUID().slice(0, 8)}`,
    provider,
    label: '',
    baseUrl: '',
    deviceId: '',
    callerId: '',
    smsSenderId: '',
  };
}
