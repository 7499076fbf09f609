/**
 * The popup's last state, kept in this extension's localStorage so the next popup shows the account,
 * its connection and its devices at once, before the background has answered (which can take a
 * moment when it has to ask the provider). Holds nothing secret: names, device labels, numbers.
 * Transient parts (the last call, a number to text) are not kept.
 */
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
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof PopupState, unknown>>;
  const connection = v.connection as { status?: unknown } | undefined;
  return (
    typeof connection?.status === 'string' &&
    Array.isArray(v.devices) &&
    Array.isArray(v.callerIds) &&
    Array.isArray(v.smsSenders) &&
    typeof v.choice === 'object' &&
    v.choice !== null &&
    typeof v.defaultCountry === 'string'
  );
}
