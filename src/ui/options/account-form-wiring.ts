/**
 * What an account form needs from the rest of Ringback: the provider catalog, the host permission
 * prompt, and the background's test and save. The accounts list and the welcome screen both show
 * the same form through this.
 */
import { uiLanguage } from '../../i18n';
import type { Credentials, Reply } from '../../messages';
import { CREDENTIAL_FIELDS, DEFAULT_BASE_URLS } from '../../providers/catalog';
import type { ProviderId } from '../../providers/types';
import type { AccountSettings } from '../../settings';
import { ask } from '../api';
import { requestHostAccess } from './host-permission';

/** The form's props that talk to the catalog and the background; `onSaved` runs after a save went through. */
export function accountFormWiring(onSaved: () => Promise<void>) {
  return {
    fieldsFor: (provider: ProviderId) => CREDENTIAL_FIELDS[provider],
    defaultBaseUrl: (provider: ProviderId) => DEFAULT_BASE_URLS[provider],
    requestHost: requestHostAccess,
    onTest: (account: AccountSettings, credentials?: Credentials) =>
      ask({ type: 'test-connection', account, ...(credentials ? { credentials } : {}) }),
    onSave: async (account: AccountSettings, credentials?: Credentials): Promise<Reply<null>> => {
      const reply = await ask({ type: 'save-account', account, ...(credentials ? { credentials } : {}) });
      if (reply.ok) await onSaved();
      return reply;
    },
  };
}

/** A blank account, on the provider most likely for the user's language. */
export function newAccount(): AccountSettings {
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
