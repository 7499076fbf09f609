/**
 * The background's front door. Every message is checked for who sent it (this extension only;
 * content scripts may only ask for a few things) and for its shape, before anything acts on it.
 * Rejected messages are logged without their content.
 */
import type { Runtime } from 'webextension-polyfill';
import { CONTENT_SCRIPT_REQUESTS, parseRequest, type Reply, type Request } from '../messages';

export type Handler = (request: Request, sender: Runtime.MessageSender) => Promise<unknown>;

export type SenderKind = 'extension-page' | 'content-script';

/** Who sent a message, or undefined when it is not from this extension at all. */
export function senderKind(
  sender: Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  if (sender.tab === undefined && sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab !== undefined && !sender.url?.startsWith(extensionOrigin)) return 'content-script';
  // An extension page open in a tab (options page) has a tab and our origin.
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  return undefined;
}

export function createRouter(handle: Handler, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    const kind = senderKind(sender, extensionId, extensionOrigin);
    const request = parseRequest(message);
    if (!kind || !request || (kind === 'content-script' && !CONTENT_SCRIPT_REQUESTS.has(request.type))) {
      console.warn('Ringback: rejected a message', { sender: kind ?? 'unknown', type: request?.type ?? 'malformed' });
      return { ok: false, reason: 'errRejectedMessage' };
    }
    try {
      return { ok: true, value: await handle(request, sender) };
    } catch (error) {
      console.error('Ringback: request failed', request.type, error instanceof Error ? error.name : typeof error);
      return { ok: false, reason: 'errInternal' };
    }
  };
}
