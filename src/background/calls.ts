/**
 * Placing a call: understand the number, ask first where the user wants that, pick the device, ask
 * the provider once, and show every phase. Nothing here retries a call: a session that expired is
 * renewed and the refused request repeated once by the provider client (it was refused, so nothing
 * happened), but an unknown outcome is reported as unknown — a second request could ring twice.
 */
import { type CallOrigin, type CallReport, DIAL_ERROR_MESSAGES } from '../messages';
import { type PhoneNumber, parseDialInput } from '../phone';
import { isProviderError } from '../providers/errors';
import type { Provider } from '../providers/types';
import { type AccountSettings, activeAccount, type Settings } from '../settings';
import { providerFor } from './accounts';
import { announce } from './call-feedback';
import { track } from './call-tracking';
import { rememberChoice } from './choices';
import { confirmationReason } from './confirmation';
import { defaultCountryOf } from './country';
import { cachedDirectory } from './directory';
import { logEntry, originOf, updateEntry } from './history';
import { lastCall } from './last-call';
import { loadSettings } from './managed';

/** Where the request came from: confirmation from a page, menu or the address bar happens in the popup. */
export type CallSource = 'page' | 'popup' | 'menu' | 'omnibox';

export interface CallCommand {
  readonly number: string;
  readonly origin?: CallOrigin;
  /** The user already confirmed this call in the popup. Never honoured from a page. */
  readonly confirmed?: boolean;
  readonly source: CallSource;
  /** The history entry to log the call under (a call list knows it before the request goes out). */
  readonly attemptId?: string;
}

export interface CallHooks {
  /** Opens the popup so the user can confirm a call asked for from a page or menu. */
  readonly askToConfirm: () => Promise<void>;
}

export async function placeCall(command: CallCommand, hooks: CallHooks): Promise<CallReport> {
  const settings = await loadSettings();
  const notify = settings.notifications;
  const account = activeAccount(settings);
  if (!account) return reported({ phase: 'failed', reason: 'errNoAccount' }, { notify });

  const home = defaultCountryOf(settings);
  const parsed = parseDialInput(command.number, { defaultCountry: home });
  if (!parsed.ok) return reported({ phase: 'failed', reason: DIAL_ERROR_MESSAGES[parsed.error] }, { notify });
  const number = parsed.number;
  const display = number.international;
  const origin = command.origin ?? (await pendingOrigin(number.e164));

  const confirmed = command.confirmed === true && command.source === 'popup';
  const reason = confirmed ? undefined : confirmationReason(number, settings.confirmCalls, home);
  if (reason) {
    const report: CallReport = { phase: 'confirm', number: number.e164, reason, details: [display] };
    await announce(report, { notify: notify && command.source !== 'popup', display, ...(origin ? { origin } : {}) });
    if (command.source !== 'popup') await hooks.askToConfirm();
    return report;
  }

  const attemptId = command.attemptId ?? crypto.randomUUID();
  const feedback = { attemptId, display, notify };
  const page = originOf(origin);
  // Logging and showing "requested" run beside the provider request, not before it: the user is
  // waiting for their phone to ring, and the log is only updated once both are done.
  const logged = logEntry({
    id: attemptId,
    accountId: account.id,
    kind: 'call',
    direction: 'outgoing',
    number: number.e164,
    at: Date.now(),
    outcome: 'requested',
    provider: account.provider,
    ...(page ? { origin: page } : {}),
  })
    .then(() => announce({ phase: 'requested', number: number.e164 }, feedback))
    // A history that cannot be written must not turn a placed call into an error.
    .catch((error: unknown) =>
      console.warn('Ringback: could not log the call', error instanceof Error ? error.name : ''),
    );

  const { report, deviceId } = await ask(account, settings, number, attemptId);
  await logged;
  await updateEntry(attemptId, {
    outcome: report.phase,
    ...(report.reason ? { reason: report.reason } : {}),
    ...(deviceId ? { deviceId, ...(await deviceName(account.id, deviceId)) } : {}),
  });
  await announce(report, feedback);
  return report;
}

interface Asked {
  readonly report: CallReport;
  /** The device that was asked to ring, for history. */
  readonly deviceId?: string;
}

/** Asks the provider to place the call; every outcome becomes a report, nothing is thrown. */
async function ask(
  account: AccountSettings,
  settings: Settings,
  number: PhoneNumber,
  attemptId: string,
): Promise<Asked> {
  const target = number.e164;
  let deviceId: string | undefined;
  // Every outcome, good or bad, names the device that was asked to ring once one was chosen.
  const asked = (report: CallReport): Asked => ({ report, ...(deviceId ? { deviceId } : {}) });
  try {
    const provider = await providerFor(account);
    if (!provider) return asked({ phase: 'failed', number: target, reason: 'errNoCredentials' });
    deviceId = await deviceFor(account, provider);
    const placed = await provider.placeCall({
      target,
      ...(deviceId ? { deviceId } : {}),
      ...(account.callerId ? { callerId: account.callerId } : {}),
    });
    await track({
      attemptId,
      accountId: account.id,
      ...(provider.capabilities.callState && placed.callId ? { callId: placed.callId } : {}),
      number: target,
      display: number.international,
      notify: settings.notifications,
    });
    return asked({ phase: 'ringing', number: target });
  } catch (error) {
    if (!isProviderError(error)) {
      console.error('Ringback: call failed inside Ringback', error instanceof Error ? error.name : typeof error);
      return asked({ phase: 'failed', number: target, reason: 'errInternal' });
    }
    const phase = error.code === 'unknown-outcome' ? 'unknown' : 'failed';
    return asked({ phase, number: target, reason: error.reason, details: error.details });
  }
}

async function reported(report: CallReport, options: { notify: boolean }): Promise<CallReport> {
  await announce(report, options);
  return report;
}

/** The page a call waiting for confirmation came from, so the confirmed call is logged against it. */
async function pendingOrigin(e164: string): Promise<CallOrigin | undefined> {
  const pending = await lastCall.get();
  return pending?.phase === 'confirm' && pending.number === e164 ? pending.origin : undefined;
}

/** The account's chosen device; when none was chosen yet, the first one listed, remembered. */
async function deviceFor(account: AccountSettings, provider: Provider): Promise<string | undefined> {
  if (account.deviceId || !provider.capabilities.devices) return account.deviceId || undefined;
  const first = (await provider.listDevices())[0]?.id;
  if (!first) return undefined;
  await rememberChoice(account, { deviceId: first });
  return first;
}

/** The device's name where the popup already listed the devices (no provider request for it). */
async function deviceName(accountId: string, deviceId: string): Promise<{ deviceName?: string }> {
  const name = (await cachedDirectory(accountId))?.devices.find((d) => d.id === deviceId)?.name;
  return name ? { deviceName: name } : {};
}
