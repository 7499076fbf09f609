/**
 * Hanging up from the popup the call Ringback is following. Only a call the provider gave a handle
 * for can be ended, and only by a provider that can hang up; once the provider accepted, the call
 * ends everywhere (history, badge, open popups) as if the provider had told us it ended.
 */
import { capabilitiesOf, providerFor } from './accounts';
import { endTrackedCall, trackedCall } from './call-tracking';
import { loadSettings } from './managed';
import { Refusal } from './refusal';

export async function hangUp(): Promise<null> {
  const call = await trackedCall();
  if (!call) throw new Refusal('errNoCallInProgress');
  const account = (await loadSettings()).accounts.find((a) => a.id === call.accountId);
  if (!account) throw new Refusal('errNoCallInProgress');
  if (!call.callId || !capabilitiesOf(account).hangup) throw new Refusal('errHangUpUnsupported');
  const provider = await providerFor(account);
  if (!provider) throw new Refusal('errNoCredentials');
  // A provider error reaches the popup as its reason (the router answers it).
  await provider.hangUp({ callId: call.callId });
  await endTrackedCall(call.attemptId);
  return null;
}

/** Whether the popup may offer to hang up the call with this history entry. */
export async function canHangUp(attemptId: string | undefined): Promise<boolean> {
  const call = await trackedCall();
  if (!attemptId || !call?.callId || call.attemptId !== attemptId) return false;
  const account = (await loadSettings()).accounts.find((a) => a.id === call.accountId);
  return capabilitiesOf(account).hangup;
}
