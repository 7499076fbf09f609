/**
 * The keyboard shortcuts. "Call the selected number": the background cannot read a page's
 * selection, so it asks the active tab's content script, which answers by sending an ordinary
 * `call`. "Do not disturb": switched at the PBX, shown on the badge (presence.ts).
 */
import { browser } from 'wxt/browser';
import type { TabMessage } from '../messages';
import { toggleDnd } from './presence';

export const COMMAND_CALL_SELECTION = 'call-selection';
export const COMMAND_TOGGLE_DND = 'toggle-dnd';

export async function runCommand(command: string, tabId: number | undefined): Promise<void> {
  if (command === COMMAND_TOGGLE_DND) return toggleDnd();
  if (command !== COMMAND_CALL_SELECTION) return;
  const target = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (target === undefined) return;
  const message: TabMessage = { type: 'selection-action', action: 'call' };
  try {
    await browser.tabs.sendMessage(target, message);
  } catch {
    // A page without the content script (browser pages, the web store): nothing to act on.
  }
}
