/** Tells open extension pages (the popup) that the call moved on. Nobody listening is not an error. */
import { browser } from 'wxt/browser';
import type { Broadcast, CallReport } from '../messages';

export async function broadcastCallUpdate(report: CallReport & { readonly at: number }): Promise<void> {
  const message: Broadcast = { type: 'call-update', report };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No popup or options page open: there is no one to tell.
  }
}
