/**
 * Shows the user where a call stands, everywhere at once: the popup's status line (kept in
 * storage.session and broadcast to open pages), the toolbar badge while it is in progress, and a
 * notification for the phases that need attention.
 */
import type { CallOrigin, CallReport } from '../messages';
import { showCallBadge } from './badge';
import { broadcastCallUpdate } from './broadcast';
import { lastCall, visibleLastCall } from './last-call';
import { notifyCall } from './notifications';

export interface FeedbackOptions {
  /** The history entry of this attempt. */
  readonly attemptId?: string;
  /** Kept with a pending confirmation so the confirmed call is logged against its page. */
  readonly origin?: CallOrigin;
  /** The number as the user reads it, for the notification. */
  readonly display?: string;
  /** The user's notifications setting. */
  readonly notify: boolean;
}

export async function announce(report: CallReport, options: FeedbackOptions, now = Date.now()): Promise<void> {
  const saved = {
    ...report,
    at: now,
    ...(options.attemptId ? { attemptId: options.attemptId } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
  };
  await lastCall.set(saved);
  const visible = visibleLastCall(saved, now);
  await Promise.all([
    showCallBadge(report.phase),
    options.notify ? notifyCall(report, options.display ?? report.number) : undefined,
    visible ? broadcastCallUpdate(visible) : undefined,
  ]);
}
