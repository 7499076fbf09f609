/**
 * The popup's and options page's typed line to the background (src/messages.ts) and to the active
 * tab's content script. Nothing here throws: a background that is not answering, or a tab without
 * Ringback's content script, becomes an ordinary failure the UI can show.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import {
  type Broadcast,
  type CallOrigin,
  isPageNumber,
  isReply,
  type PageNumber,
  type Replies,
  type Reply,
  type Request,
  type RequestType,
  type TabMessage,
} from '../messages';

export type RequestOf<K extends RequestType> = Extract<Request, { readonly type: K }>;

export type Ask = <K extends RequestType>(request: RequestOf<K>) => Promise<Reply<Replies[K]>>;

export const ask: Ask = async (request) => {
  try {
    const reply: unknown = await browser.runtime.sendMessage(request);
    return isReply<never>(reply) ? reply : { ok: false, reason: 'uiErrNoBackground' };
  } catch {
    return { ok: false, reason: 'uiErrNoBackground' };
  }
};

/** The tab the popup acts on: `?tab=<id>` when given (a popup opened as a page), else the active one. */
export interface TargetTab {
  readonly id: number;
  readonly origin?: CallOrigin;
}

export async function targetTab(search: string = location.search): Promise<TargetTab | undefined> {
  try {
    const wanted = Number(new URLSearchParams(search).get('tab'));
    const tab =
      Number.isInteger(wanted) && wanted > 0
        ? await browser.tabs.get(wanted)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined) return undefined;
    // Title and URL are only visible for the tab the user opened the popup on (activeTab).
    const origin = tab.url && /^https?:/.test(tab.url) ? { title: tab.title ?? '', url: tab.url } : undefined;
    return { id: tab.id, ...(origin ? { origin } : {}) };
  } catch {
    return undefined;
  }
}

/** The numbers the tab's content script found; none when the tab has no content script. */
export async function pageNumbers(tabId: number): Promise<readonly PageNumber[]> {
  const message: TabMessage = { type: 'list-numbers' };
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message);
    return Array.isArray(reply) ? reply.filter(isPageNumber) : [];
  } catch {
    return [];
  }
}

type CallUpdate = Extract<Broadcast, { readonly type: 'call-update' }>;
type CallListUpdate = Extract<Broadcast, { readonly type: 'call-list-update' }>;

/** Live call status from the background; returns the unsubscribe. */
export function onCallUpdate(listener: (report: CallUpdate['report']) => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'call-update' && isRecord(message.report)) listener((message as CallUpdate).report);
  });
}

/** The call list as it changes in the background (null once closed); returns the unsubscribe. */
export function onCallListUpdate(listener: (list: CallListUpdate['list']) => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'call-list-update' && (message.list === null || isRecord(message.list)))
      listener((message as CallListUpdate).list);
  });
}

function onBroadcast(listener: (message: Record<string, unknown>) => void): () => void {
  const handler = (message: unknown, sender: { readonly id?: string; readonly tab?: unknown }) => {
    // Content scripts can message extension pages too: only the background (no tab) is heard, and
    // then only the envelope is checked, as the background built the message from the same types.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    if (isRecord(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Opens the options page, optionally at one account's form. */
export async function openOptions(accountId?: string): Promise<void> {
  if (accountId === undefined) {
    await browser.runtime.openOptionsPage();
  } else {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/options.html#account=${encodeURIComponent(accountId)}`),
    });
  }
  window.close();
}
