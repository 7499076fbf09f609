/**
 * Everything the popup shows at a glance. The provider is asked only for what it can list, and
 * only when the cached listing is stale; a provider that cannot be reached makes the connection
 * line say why, never the whole popup fail.
 */
import type { ConnectionState, PopupState } from '../messages';
import { isProviderError } from '../providers/errors';
import { activeAccount } from '../settings';
import { NO_CAPABILITIES, providerFor } from './accounts';
import { takeSmsRecipient } from './compose-sms';
import { defaultCountryOf } from './country';
import { type Directory, directoryOf } from './directory';
import { canHangUp } from './hang-up';
import { lastCall, visibleLastCall } from './last-call';
import { loadSettings } from './managed';

const EMPTY: Pick<Directory, 'devices' | 'callerIds' | 'smsSenders'> = { devices: [], callerIds: [], smsSenders: [] };

export async function popupState(): Promise<PopupState> {
  const settings = await loadSettings();
  const account = activeAccount(settings);
  const [call, smsRecipient] = await Promise.all([lastCall.get(), takeSmsRecipient()]);
  const visibleCall = visibleLastCall(call);
  const inProgress = visibleCall?.phase === 'ringing' || visibleCall?.phase === 'connected';
  const common = {
    defaultCountry: defaultCountryOf(settings),
    ...(visibleCall
      ? { lastCall: { ...visibleCall, canHangUp: inProgress && (await canHangUp(call?.attemptId)) } }
      : {}),
    ...(smsRecipient ? { smsRecipient } : {}),
  };
  if (!account) {
    return {
      ...common,
      connection: { status: 'unconfigured' },
      ...EMPTY,
      choice: { deviceId: '', callerId: '', smsSenderId: '' },
    };
  }

  let connection: ConnectionState = { status: 'ok', label: account.label };
  let listed = EMPTY;
  let capabilities = NO_CAPABILITIES;
  try {
    const provider = await providerFor(account);
    if (!provider) {
      connection = { status: 'error', reason: 'errNoCredentials' };
    } else {
      capabilities = provider.capabilities;
      listed = await directoryOf(account.id, provider);
    }
  } catch (error) {
    if (!isProviderError(error)) throw error;
    connection = { status: 'error', reason: error.reason, details: error.details };
  }
  return {
    ...common,
    account: { id: account.id, provider: account.provider, label: account.label, capabilities },
    connection,
    devices: listed.devices,
    callerIds: listed.callerIds,
    smsSenders: listed.smsSenders,
    choice: {
      // Before the user picked a device, the first listed is the one that rings (calls.ts).
      deviceId: account.deviceId || listed.devices[0]?.id || '',
      callerId: account.callerId,
      smsSenderId: account.smsSenderId || listed.smsSenders[0]?.id || '',
    },
  };
}
