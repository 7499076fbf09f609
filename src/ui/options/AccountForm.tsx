import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { Credentials, Reply } from '../../messages';
import type { CredentialField } from '../../providers/catalog';
import { PROVIDER_IDS, type ProviderId } from '../../providers/types';
import { type AccountSettings, accountOrigin, isAllowedBaseUrl, isWebUrl } from '../../settings';
import { presenceOffer } from '../presence';
import { PROVIDER_NAMES } from '../providers';

export interface TestResult {
  readonly label: string;
  readonly devices: readonly { readonly id: string; readonly name: string }[];
}

interface Props {
  readonly account: AccountSettings;
  readonly isNew: boolean;
  /** The background holds a saved login for this account (its values never reach this page). */
  readonly hasCredentials: boolean;
  /** Accounts are set by the administrator: only the login can be entered. */
  readonly locked: boolean;
  readonly fieldsFor: (provider: ProviderId) => readonly CredentialField[];
  readonly defaultBaseUrl: (provider: ProviderId) => string;
  /** Asks for access to a custom base URL's host; called first thing in the click. */
  readonly requestHost: (baseUrl: string) => Promise<boolean>;
  readonly onTest: (account: AccountSettings, credentials?: Credentials) => Promise<Reply<TestResult>>;
  readonly onSave: (account: AccountSettings, credentials?: Credentials) => Promise<Reply<null>>;
  readonly onCancel: () => void;
}

type Outcome =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'busy'; readonly text: string };

/**
 * Adding or editing one account: provider, the fields that provider needs, the base URL under
 * "advanced", "Test connection" and Save. A failure leaves every field as typed.
 */
export function AccountForm(props: Props) {
  const { account, isNew, hasCredentials, locked, fieldsFor, defaultBaseUrl, requestHost, onTest, onSave, onCancel } =
    props;
  const [provider, setProvider] = useState<ProviderId>(account.provider);
  const [label, setLabel] = useState(account.label);
  const [baseUrl, setBaseUrl] = useState(account.baseUrl);
  const [values, setValues] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const fields = fieldsFor(provider);
  const prefix = `account-${account.id}`;

  const draft = (): AccountSettings => ({ ...account, provider, label: label.trim(), baseUrl: baseUrl.trim() });
  // A saved login is only ever sent where it was saved for: another provider or host needs it typed again.
  const sameConnection =
    hasCredentials &&
    provider === account.provider &&
    accountOrigin({ provider, baseUrl: baseUrl.trim() }) === accountOrigin(account);

  /** The credentials to send, or an error key; undefined credentials keep the saved login. */
  const credentials = (): { credentials?: Credentials; error?: string; invalid: Set<string> } => {
    const filled = fields.filter((f) => (values[f.key] ?? '').trim() !== '');
    const missing = new Set(fields.filter((f) => (values[f.key] ?? '').trim() === '').map((f) => f.key));
    if (filled.length === 0 && sameConnection) return { invalid: new Set() };
    if (missing.size > 0) {
      if (sameConnection) return { error: 'accountErrorAllOrNone', invalid: missing };
      return { error: hasCredentials ? 'accountErrorLoginForNewHost' : 'accountErrorMissingFields', invalid: missing };
    }
    // Passed on exactly as typed, but without stray whitespace around non-secret fields.
    const entries = fields.map((f) => [f.key, f.secret ? (values[f.key] ?? '') : (values[f.key] ?? '').trim()]);
    return { credentials: Object.fromEntries(entries), invalid: new Set() };
  };

  /** Checks the form; on a problem shows it and returns undefined. */
  const validated = () => {
    const url = baseUrl.trim();
    if (url !== '' && !isAllowedBaseUrl(url)) {
      setInvalid(new Set(['baseUrl']));
      setOutcome({ kind: 'error', text: t(isWebUrl(url) ? 'accountErrorHttpsOnly' : 'accountErrorBaseUrl') });
      return undefined;
    }
    const checked = credentials();
    setInvalid(checked.invalid);
    if (checked.error) {
      setOutcome({ kind: 'error', text: t(checked.error) });
      return undefined;
    }
    return checked;
  };

  const run = async (action: 'test' | 'save') => {
    const checked = validated();
    if (!checked) return;
    const next = draft();
    // First await in the click: the browser only grants permissions during a user gesture.
    const allowed = await requestHost(next.baseUrl);
    if (!allowed) {
      setOutcome({ kind: 'error', text: t('accountErrorHostDenied', [hostOf(next.baseUrl)]) });
      return;
    }
    setOutcome({ kind: 'busy', text: t(action === 'test' ? 'accountTesting' : 'accountSaving') });
    if (action === 'test') {
      const reply = await onTest(next, checked.credentials);
      if (!reply.ok) {
        setOutcome({ kind: 'error', text: t('accountTestFailed', [t(reply.reason, reply.details)]) });
        return;
      }
      const names = reply.value.devices.map((d) => d.name).join(', ');
      setOutcome({
        kind: 'ok',
        text: [
          t('accountTestOk', [reply.value.label]),
          reply.value.devices.length > 0 ? t('accountTestDevices', [String(reply.value.devices.length), names]) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } else {
      const reply = await onSave(next, checked.credentials);
      setOutcome(
        reply.ok
          ? { kind: 'ok', text: t('accountSaved') }
          : { kind: 'error', text: t('accountSaveFailed', [t(reply.reason, reply.details)]) },
      );
    }
  };

  const title = isNew ? t('accountAddTitle') : t('accountEditTitle', [account.label || PROVIDER_NAMES[provider]]);

  return (
    <form
      class="card"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void run('save');
      }}
    >
      <h3>{title}</h3>
      <div class="form-grid">
        <div class="field">
          <label for={`${prefix}-provider`}>{t('accountProvider')}</label>
          <select
            id={`${prefix}-provider`}
            value={provider}
            disabled={!isNew || locked}
            onChange={(e) => {
              setProvider(e.currentTarget.value as ProviderId);
              setValues({});
              setOutcome(undefined);
            }}
          >
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {PROVIDER_NAMES[id]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${prefix}-label`}>{t('accountLabel')}</label>
          <input
            id={`${prefix}-label`}
            type="text"
            value={label}
            disabled={locked}
            placeholder={PROVIDER_NAMES[provider]}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </div>
        {fields.map((field) => {
          const common = {
            id: `${prefix}-${field.key}`,
            autoComplete: 'off',
            spellcheck: false,
            value: values[field.key] ?? '',
            placeholder: sameConnection ? t('accountKeepSaved') : '',
            'aria-invalid': invalid.has(field.key),
            onInput: (e: { currentTarget: HTMLInputElement }) => {
              const value = e.currentTarget.value;
              setValues((current) => ({ ...current, [field.key]: value }));
            },
          };
          return (
            <div class="field" key={`${provider}-${field.key}`}>
              <label for={common.id}>{t(field.labelKey)}</label>
              {field.secret ? <input type="password" {...common} /> : <input type="text" {...common} />}
            </div>
          );
        })}
      </div>
      {sameConnection ? <p class="hint">{t('accountCredentialsSaved')}</p> : null}
      {hasCredentials && !sameConnection ? <p class="hint">{t('accountLoginForNewHost')}</p> : null}
      <p class="hint">
        {presenceOffer(provider) ?? t('accountPresenceNone')}
        {provider === 'sipgate' ? ` ${t('accountPresenceSipgateScope')}` : null}
      </p>
      <details open={account.baseUrl !== ''}>
        <summary>{t('accountAdvanced')}</summary>
        <div class="field">
          <label for={`${prefix}-base-url`}>{t('accountBaseUrl')}</label>
          <input
            id={`${prefix}-base-url`}
            type="url"
            value={baseUrl}
            disabled={locked}
            placeholder={defaultBaseUrl(provider)}
            aria-invalid={invalid.has('baseUrl')}
            aria-describedby={`${prefix}-base-url-hint`}
            onInput={(e) => setBaseUrl(e.currentTarget.value)}
          />
          <p id={`${prefix}-base-url-hint`} class="hint" style={{ margin: 0 }}>
            {t('accountBaseUrlHint', [defaultBaseUrl(provider)])}
          </p>
        </div>
      </details>
      {outcome ? (
        <div
          class={outcome.kind === 'busy' ? 'notice' : `notice ${outcome.kind}`}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{outcome.text}</p>
        </div>
      ) : null}
      <div class="actions">
        <button type="button" onClick={() => void run('test')} disabled={outcome?.kind === 'busy'}>
          {t('accountTest')}
        </button>
        <button type="submit" class="primary" disabled={outcome?.kind === 'busy'}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
