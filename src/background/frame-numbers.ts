/**
 * A child frame's numbers for its parent frame's content script, in browsers that keep the two
 * apart. Chromium runs one extension's content scripts in same-origin frames in one isolated
 * world, so a parent reads its frames' numbers directly (content/numbers-list.ts); Firefox gives
 * each frame's content script a sandbox of its own, where what one puts on its window the other
 * never sees. There the parent names the frame by the id `runtime.getFrameId` gave it, and the
 * background asks that frame of the same tab.
 */
import { browser } from 'wxt/browser';
import { isPageNumber, type PageNumber, type TabMessage } from '../messages';

export async function frameNumbers(tabId: number, frameId: number): Promise<readonly PageNumber[]> {
  const message: TabMessage = { type: 'list-frame-numbers' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId });
    return Array.isArray(reply) ? reply.filter(isPageNumber) : [];
  } catch {
    // No content script in that frame (not loaded yet, or not allowed there): no numbers.
    return [];
  }
}
