/**
 * The popup's last state, kept in this extension's localStorage so the next popup shows the account,
 * its connection and its devices at once, before the background has answered (which can take a
 * moment when it has to ask the provider). Holds nothing secret: names, device labels, numbers.
 * Transient parts (the last call, a number to text) are not kept.
 */
import { isRecord } from '../guards';
import type { PopupState } from '../messages';

const KEY = 'ringback.popupState';

export function cachedPopupState(): PopupState | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return looksLikeState(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPopupState(state: PopupState): void {
  const { lastCall: _lastCall, smsRecipient: _smsRecipient, ...lasting } = state;
  try {
    localStorage.setItem(KEY, JSON.stringify(lasting));
  } catch {
    // No storage: the next popup simply waits for the background.
  }
}

function looksLikeState(value: unknown): value is PopupState {
  return (
    isRecord(value) &&
    isRecord(value.connection) &&
    typeof value.connection.status === 'string' &&
    Array.isArray(value.devices) &&
    Array.isArray(value.callerIds) &&
    Array.isArray(value.smsSenders) &&
    isRecord(value.choice) &&
    typeof value.defaultCountry === 'string'
  );
}
