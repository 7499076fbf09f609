/**
 * The active account's availability at its PBX (do not disturb, away, …). Ringback never shows
 * what it asked for: every switch is followed by a fresh read, and what that read reports is what
 * the popup and the badge show. A switch that fails still reads, so the user sees the state the
 * provider really has, with the reason next to it.
 *
 * Reads are cheap and happen only when asked: when the popup opens, on the keyboard command, and
 * every few minutes by alarm while DND is on (so the badge does not keep claiming DND after the
 * user switched it off elsewhere, e.g. in the PBX's own portal). No timer polls in the worker.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { PresenceView } from '../messages';
import { isProviderError } from '../providers/errors';
import { PRESENCE_STATES, type PresenceState, type Provider } from '../providers/types';
import { activeAccount } from '../settings';
import { providerFor } from './accounts';
import { showDndBadge } from './badge';
import { exclusive } from './exclusive';
import { loadSettings } from './managed';
import { notifyProblem } from './notifications';
import { sessionValue } from './storage';

export const PRESENCE_ALARM = 'ringback-presence';
/** How often the badge's DND is checked against the provider while it is on. */
export const PRESENCE_REFRESH_MINUTES = 5;

/** The state the badge shows, and whose account it belongs to (accounts can be switched). */
interface KnownPresence {
  readonly accountId: string;
  readonly state: PresenceState;
}

function isKnownPresence(value: unknown): value is KnownPresence {
  return isRecord(value) && typeof value.accountId === 'string' && PRESENCE_STATES.some((s) => s === value.state);
}

const known = sessionValue('presence', isKnownPresence);

/** The two presence methods of a client whose provider offers presence. */
interface PresenceClient {
  read(): Promise<PresenceState>;
  set(state: PresenceState): Promise<void>;
}

interface Target {
  readonly accountId: string;
  readonly states: readonly PresenceState[];
  readonly client?: PresenceClient;
}

/** The active account, and its client's presence methods when its provider offers presence. */
async function target(): Promise<Target> {
  const account = activeAccount(await loadSettings());
  if (!account) return { accountId: '', states: [] };
  let provider: Provider | undefined;
  try {
    provider = await providerFor(account);
  } catch (error) {
    // Incomplete credentials: there is nothing to read with (the popup already says why).
    if (!isProviderError(error)) throw error;
  }
  const { readPresence, setPresence } = provider ?? {};
  const states = provider?.capabilities.presence ?? [];
  if (!readPresence || !setPresence || states.length === 0) return { accountId: account.id, states: [] };
  return { accountId: account.id, states, client: { read: readPresence, set: setPresence } };
}

/** Reads the active account's availability from its provider now. */
export function readPresence(): Promise<PresenceView> {
  return exclusive('presence', async () => {
    const { accountId, states, client } = await target();
    if (!client) return forgetOtherThan(accountId, states);
    return freshRead(accountId, states, client);
  });
}

/** Asks the provider for `state`, then reads what it reports; a failure says why. */
export function switchPresence(state: PresenceState): Promise<PresenceView> {
  return exclusive('presence', async () => {
    const { accountId, states, client } = await target();
    const unsupported = { reason: 'errPresenceUnsupported' };
    if (!client) return { ...(await forgetOtherThan(accountId, states)), failure: unsupported };
    if (!states.includes(state)) return freshRead(accountId, states, client, unsupported);
    try {
      await client.set(state);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      return freshRead(accountId, states, client, failureOf(error));
    }
    return freshRead(accountId, states, client);
  });
}

/**
 * The keyboard command: DND off when the provider reports it on, else on. Without the popup open,
 * a failure becomes a notification; success shows on the badge.
 */
export async function toggleDnd(): Promise<void> {
  const current = await readPresence();
  if (!current.states.includes('dnd')) {
    await notifyProblem('errPresenceUnsupported');
    return;
  }
  if (current.state === undefined) {
    await notifyProblem(current.failure?.reason ?? 'errUnavailable', current.failure?.details);
    return;
  }
  const wanted: PresenceState = current.state === 'dnd' ? 'available' : 'dnd';
  const after = await switchPresence(wanted);
  if (after.failure) await notifyProblem(after.failure.reason, after.failure.details);
}

/** The alarm while DND is on: the badge follows the provider. */
export async function refreshPresence(): Promise<void> {
  if (await dropStalePresence()) return;
  await readPresence();
}

/**
 * Settings changed (or the alarm fired): a DND shown for an account that is no longer the active
 * one, or no longer offers presence, is dropped. Asks no provider. True when nothing is left to
 * refresh.
 */
export async function dropStalePresence(): Promise<boolean> {
  const shown = await known.get();
  if (!shown) {
    await browser.alarms.clear(PRESENCE_ALARM);
    return true;
  }
  const { accountId, states } = await target();
  if (shown.accountId === accountId && states.length > 0) return false;
  await forgetOtherThan(accountId, states);
  return true;
}

async function freshRead(
  accountId: string,
  states: readonly PresenceState[],
  client: PresenceClient,
  failure?: PresenceView['failure'],
): Promise<PresenceView> {
  try {
    const state = await client.read();
    await remember({ accountId, state });
    return { accountId, states, state, ...(failure ? { failure } : {}) };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    // The read failed: nothing new is known, so the badge keeps what it had. The switch's own
    // failure, when there was one, is the more useful reason.
    return { accountId, states, failure: failure ?? failureOf(error) };
  }
}

async function remember(presence: KnownPresence): Promise<void> {
  await known.set(presence);
  const dnd = presence.state === 'dnd';
  await showDndBadge(dnd);
  if (dnd) await browser.alarms.create(PRESENCE_ALARM, { periodInMinutes: PRESENCE_REFRESH_MINUTES });
  else await browser.alarms.clear(PRESENCE_ALARM);
}

/** Drops a DND that belongs to another account (or to an account that no longer offers presence). */
async function forgetOtherThan(accountId: string, states: readonly PresenceState[]): Promise<PresenceView> {
  const shown = await known.get();
  if (shown && (shown.accountId !== accountId || states.length === 0)) {
    await known.clear();
    await showDndBadge(false);
    await browser.alarms.clear(PRESENCE_ALARM);
  }
  return { accountId, states };
}

function failureOf(error: { readonly reason: string; readonly details: readonly string[] }): PresenceView['failure'] {
  return error.details.length > 0 ? { reason: error.reason, details: error.details } : { reason: error.reason };
}
