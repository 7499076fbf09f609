/**
 * The background's front door. Every message is checked for who sent it (this extension only;
 * content scripts may only ask for a few things) and for its shape, before anything acts on it.
 * Rejected messages are logged without their content. Answers are always a Reply: a refusal
 * carries its message key, anything unexpected becomes `errInternal` without details.
 */
import { CONTENT_SCRIPT_REQUESTS, parseRequest, type Reply, type Request } from '../messages';
import { isProviderError } from '../providers/errors';
import { Refusal } from './refusal';

/** The parts of a runtime.MessageSender the router looks at (Chrome and Firefox both give these). */
export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number; readonly title?: string; readonly url?: string };
  readonly frameId?: number;
}

export type SenderKind = 'extension-page' | 'content-script';

export interface RequestContext {
  readonly kind: SenderKind;
  readonly sender: Sender;
}

export type Handler = (request: Request, context: RequestContext) => Promise<unknown>;

/** Who sent a message, or undefined when it is not from this extension at all. */
export function senderKind(sender: Sender, extensionId: string, extensionOrigin: string): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  const ours = sender.url?.startsWith(extensionOrigin) ?? false;
  // An extension page may be open in a tab (options page, popup as a window): our origin decides.
  if (ours) return 'extension-page';
  if (sender.tab !== undefined) return 'content-script';
  return undefined;
}

export function createRouter(handle: Handler, extensionId: string, extensionOrigin: string) {
  return async (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    const kind = senderKind(sender, extensionId, extensionOrigin);
    const request = parseRequest(message);
    if (!kind || !request || (kind === 'content-script' && !CONTENT_SCRIPT_REQUESTS.has(request.type))) {
      console.warn('Ringback: rejected a message', { sender: kind ?? 'unknown', type: request?.type ?? 'malformed' });
      return { ok: false, reason: 'errRejectedMessage' };
    }
    try {
      return { ok: true, value: await handle(request, { kind, sender }) };
    } catch (error) {
      if (error instanceof Refusal) return failure(error.reason, error.details);
      if (isProviderError(error)) return failure(error.reason, error.details);
      console.error('Ringback: request failed', request.type, error instanceof Error ? error.name : typeof error);
      return { ok: false, reason: 'errInternal' };
    }
  };
}

function failure(reason: string, details: readonly string[]): Reply<never> {
  return details.length > 0 ? { ok: false, reason, details } : { ok: false, reason };
}
