/**
 * The content script's side of the message contract (src/messages.ts): asking the background,
 * turning its answers into what the card says. (What the first stage asks and reads is in boot/.)
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import { t } from '../i18n';
import { type CallOrigin, type CallReport, isReply, PHASE_MESSAGES, type Reply, type Request } from '../messages';
import type { CallOutcome, WhereWhenLine } from './card';

export async function ask<T>(request: Request): Promise<Reply<T>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(request);
    return isReply<T>(reply) ? reply : { ok: false, reason: 'errInternal' };
  } catch {
    return { ok: false, reason: 'errExtensionUnavailable' };
  }
}

/**
 * Asks the background to call; the answer in the words the card shows. A page never confirms a
 * call: when one needs confirming, the background asks in its popup and the card says so.
 */
export async function requestCall(number: string): Promise<CallOutcome> {
  const reply = await ask<CallReport>({ type: 'call', number, origin: callOrigin() });
  if (!reply.ok) return { text: t(reply.reason, reply.details) };
  const { phase, reason, details } = reply.value;
  const sentence = t(PHASE_MESSAGES[phase] ?? 'callPhaseFailed');
  if (!reason) return { text: sentence };
  // Waiting for confirmation: why first, then where. Any other phase: what happened, then why.
  return { text: phase === 'confirm' ? `${t(reason, details)} ${sentence}` : `${sentence} ${t(reason, details)}` };
}

/** Opens the SMS composer for a number; an error text, or undefined when it opened. */
export async function requestSms(number: string): Promise<string | undefined> {
  const reply = await ask<null>({ type: 'compose-sms', number });
  return reply.ok ? undefined : t(reply.reason, reply.details);
}

/** Opens Ringback's welcome screen (the card's set-up button); an error text, or undefined. */
export async function requestWelcome(): Promise<string | undefined> {
  const reply = await ask<null>({ type: 'open-welcome' });
  return reply.ok ? undefined : t(reply.reason, reply.details);
}

/** Where a number is and the time there, as the card shows it; undefined when nothing is known. */
export async function requestWhereWhen(number: string): Promise<WhereWhenLine | undefined> {
  const reply = await ask<unknown>({ type: 'where-when', number });
  if (!reply.ok || !isRecord(reply.value)) return undefined;
  const { where, when, quiet } = reply.value;
  if (typeof where !== 'string' || typeof when !== 'string' || typeof quiet !== 'string') return undefined;
  const text = [where, when].filter(Boolean).join(' · ');
  return text || quiet ? { text, quiet } : undefined;
}

/** The page a call starts from: in a frame, the top page's title when it can be read. */
export function callOrigin(): CallOrigin {
  let title = document.title;
  try {
    if (window.top && window.top !== window) title = window.top.document.title || title;
  } catch {
    // A cross-origin parent: the frame's own title will do.
  }
  return { title: title.slice(0, 1_000), url: location.href.slice(0, 8_192) };
}
