/**
 * The few extension APIs the first stage uses, straight from the browser. Not through
 * `wxt/browser`: that is webextension-polyfill here, 10 KB that every frame of every page would
 * parse and run. Both browsers' APIs return promises in Manifest V3; messages are answered with
 * `sendResponse`, which both support.
 */

export interface MessageSender {
  readonly id?: string;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

export interface ExtensionApi {
  readonly runtime: {
    readonly id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    readonly onMessage: { addListener(listener: MessageListener): void };
  };
  readonly storage: {
    readonly local: { get(key: string): Promise<Record<string, unknown>> };
  };
}

interface ExtensionGlobals {
  readonly browser?: ExtensionApi;
  readonly chrome?: ExtensionApi;
}

/** Firefox's `browser`, else Chrome's `chrome`; undefined outside an extension (a page's own world). */
export function extensionApi(): ExtensionApi | undefined {
  const { browser, chrome } = globalThis as ExtensionGlobals;
  if (browser?.runtime?.id) return browser;
  return chrome?.runtime?.id ? chrome : undefined;
}
