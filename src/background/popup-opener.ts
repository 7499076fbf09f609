/**
 * Brings up the popup for something a page or menu started (an SMS to compose, a call to confirm).
 * `action.openPopup` is not allowed everywhere (older Chrome without a user gesture, Firefox outside
 * one, no focused window); then the popup opens as a small window, told which tab it acts for. A
 * window still open from before is brought to the front instead of opening another.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import { sessionValue } from './storage';

const popupWindow = sessionValue(
  'popupWindow',
  (value): value is { id: number } => isRecord(value) && typeof value.id === 'number',
);

export async function openPopup(tabId?: number): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch {
    // Not allowed here: fall back to a window.
  }
  try {
    const open = await popupWindow.get();
    if (open && (await focus(open.id))) return;
    const url = browser.runtime.getURL(tabId === undefined ? '/popup.html' : `/popup.html?tab=${tabId}`);
    const created = await browser.windows.create({ url, type: 'popup', width: 400, height: 640, focused: true });
    if (created?.id !== undefined) await popupWindow.set({ id: created.id });
  } catch (error) {
    console.warn('Ringback: could not open the popup', error instanceof Error ? error.name : typeof error);
  }
}

/** Whether the window still exists (and is now in front). */
async function focus(windowId: number): Promise<boolean> {
  try {
    return (await browser.windows.update(windowId, { focused: true })) !== undefined;
  } catch {
    return false;
  }
}
