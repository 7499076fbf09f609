/**
 * The latest call attempt, as the popup's status line shows it. Kept in storage.session so a popup
 * opened after the worker restarted still shows what happened; a pending confirmation also keeps
 * the page it came from, so the call placed after the user confirms is logged against that page.
 */

import { isRecord } from '../guards';
import { type CallOrigin, type CallReport, PHASE_MESSAGES } from '../messages';
import { sessionValue } from './storage';

export interface LastCall extends CallReport {
  /** Unix ms of the latest phase change. */
  readonly at: number;
  /** The history entry of this attempt, once one was logged. */
  readonly attemptId?: string;
  readonly origin?: CallOrigin;
}

/** A confirmation left unanswered this long is no longer shown: the user moved on. */
export const CONFIRM_TTL_MS = 5 * 60_000;

function isLastCall(value: unknown): value is LastCall {
  return (
    isRecord(value) &&
    typeof value.at === 'number' &&
    typeof value.phase === 'string' &&
    Object.hasOwn(PHASE_MESSAGES, value.phase)
  );
}

export const lastCall = sessionValue('lastCall', isLastCall);

/** The public part of the last call for the popup; a stale confirmation is left out. */
export function visibleLastCall(
  call: LastCall | undefined,
  now = Date.now(),
): (CallReport & { at: number }) | undefined {
  if (!call) return undefined;
  if (call.phase === 'confirm' && now - call.at > CONFIRM_TTL_MS) return undefined;
  return {
    phase: call.phase,
    at: call.at,
    ...(call.number ? { number: call.number } : {}),
    ...(call.reason ? { reason: call.reason } : {}),
    ...(call.details ? { details: call.details } : {}),
  };
}
