import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SettingsView } from '../../messages';
import { AccountForm } from './AccountForm';
import { accountFormWiring, newAccount } from './account-form-wiring';
import { WelcomePhone } from './WelcomePhone';

interface Props {
  readonly view: SettingsView;
  readonly onChanged: () => Promise<void>;
  /** Leaves the welcome for the full options page. */
  readonly onDone: () => void;
}

/**
 * The first minute, on one screen: what Ringback does, the four steps, the ordinary account form
 * (provider, login, Test connection, Save), then the phone that rings. Opened on install and by the
 * card's "Set up Ringback" (`options.html#welcome`).
 */
export function Welcome({ view, onChanged, onDone }: Props) {
  const [draft] = useState(newAccount);
  const { accounts, activeAccountId } = view.settings;
  const active = accounts.find((a) => a.id === activeAccountId);
  return (
    <section class="card welcome" aria-labelledby="welcome-heading">
      <div>
        <h2 id="welcome-heading">{t('welcomeHeading')}</h2>
        <p class="hint" style={{ margin: 0 }}>
          {t('welcomeIntro')}
        </p>
      </div>
      <ol class="steps">
        <li aria-current={active ? undefined : 'step'}>{t('welcomeStepProvider')}</li>
        <li>{t('welcomeStepSignIn')}</li>
        <li>{t('welcomeStepTest')}</li>
        <li aria-current={active ? 'step' : undefined}>{t('welcomeStepPhone')}</li>
      </ol>
      {active ? (
        <WelcomePhone key={active.id} />
      ) : (
        <AccountForm
          account={draft}
          isNew
          hasCredentials={false}
          locked={view.locked.includes('accounts')}
          {...accountFormWiring(onChanged)}
          onCancel={onDone}
        />
      )}
      <div class="actions">
        <button type="button" class={active ? 'primary' : 'link'} onClick={onDone}>
          {t(active ? 'welcomeDone' : 'welcomeAllOptions')}
        </button>
      </div>
    </section>
  );
}
