/**
 * Hanging up from the popup the call Ringback is following. Only a call the provider gave a handle
 * for can be ended, and only by a provider that can hang up; once the provider accepted, the call
 * ends everywhere (history, badge, open popups) as if the provider had told us it ended.
 */
import type { AccountSettings } from '../settings';
import { capabilitiesOf, providerFor } from './accounts';
import { endTrackedCall, type TrackedCall, trackedCall } from './call-tracking';
import { loadSettings } from './managed';
import { Refusal } from './refusal';

type Target =
  | { readonly call: TrackedCall & { readonly callId: string }; readonly account: AccountSettings }
  | { readonly refusal: string };

/** The followed call that can be hung up, or why there is none. One answer for the button and the act. */
async function hangUpTarget(): Promise<Target> {
  const call = await trackedCall();
  const account = call && (await loadSettings()).accounts.find((a) => a.id === call.accountId);
  if (!call || !account) return { refusal: 'errNoCallInProgress' };
  const { callId } = call;
  if (!callId || !capabilitiesOf(account).hangup) return { refusal: 'errHangUpUnsupported' };
  return { call: { ...call, callId }, account };
}

export async function hangUp(): Promise<null> {
  const target = await hangUpTarget();
  if ('refusal' in target) throw new Refusal(target.refusal);
  const provider = await providerFor(target.account);
  if (!provider) throw new Refusal('errNoCredentials');
  // A provider error reaches the popup as its reason (the router answers it).
  await provider.hangUp({ callId: target.call.callId });
  await endTrackedCall(target.call.attemptId);
  return null;
}

/** Whether the popup may offer to hang up the call with this history entry. */
export async function canHangUp(attemptId: string | undefined): Promise<boolean> {
  if (!attemptId) return false;
  const target = await hangUpTarget();
  return 'call' in target && target.call.attemptId === attemptId;
}
