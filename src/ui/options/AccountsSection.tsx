import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SettingsView } from '../../messages';
import type { AccountSettings } from '../../settings';
import { ask } from '../api';
import { AccountForm } from './AccountForm';
import { AccountRow } from './AccountRow';
import { accountFormWiring, newAccount } from './account-form-wiring';
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
              signInAgain={view.signInAgain.includes(account.id)}
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
          {...accountFormWiring(async () => {
            setEditing(undefined);
            await onChanged();
          })}
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
