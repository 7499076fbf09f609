/**
 * WXT's fake browser with the few APIs it leaves unimplemented stubbed the way the background uses
 * them. Each test file mocks `wxt/browser` with it:
 *
 *   vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
 *
 * and calls `resetBrowser()` before each test.
 */
// The background seals credentials with a key kept in IndexedDB, which Node lacks: an in-memory one.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** A browser event the fake leaves unimplemented: listeners can be added and fired. */
export class FakeEvent<A extends unknown[]> {
  readonly listeners: ((...args: A) => unknown)[] = [];
  addListener(listener: (...args: A) => unknown): void {
    this.listeners.push(listener);
  }
  removeListener(listener: (...args: A) => unknown): void {
    this.listeners.splice(this.listeners.indexOf(listener), 1);
  }
  hasListener(listener: (...args: A) => unknown): boolean {
    return this.listeners.includes(listener);
  }
  async fire(...args: A): Promise<unknown[]> {
    return Promise.all(this.listeners.map((listener) => listener(...args)));
  }
}

export interface BrowserRecorder {
  /** Messages sent to tabs: [tabId, message, options]. */
  readonly tabMessages: unknown[][];
  /** Context menu items created, by id. */
  readonly menus: Map<string, Record<string, unknown>>;
  /** Windows opened (the popup as a window). */
  readonly windows: string[];
  /** Broadcasts to extension pages. */
  readonly broadcasts: unknown[];
  readonly menuClicked: FakeEvent<[Record<string, unknown>, Record<string, unknown> | undefined]>;
  readonly command: FakeEvent<[string, Record<string, unknown> | undefined]>;
  /** The address bar keyword: its events, and the default suggestion last set. */
  readonly omnibox: {
    readonly started: FakeEvent<[]>;
    readonly changed: FakeEvent<[string, (suggestions: { content: string; description: string }[]) => void]>;
    readonly entered: FakeEvent<[string, string]>;
    defaultSuggestion?: string;
  };
}

type Loose = Record<string, unknown>;

export function resetBrowser(options: { uiLanguage?: string } = {}): BrowserRecorder {
  fakeBrowser.reset();
  const recorder: BrowserRecorder = {
    tabMessages: [],
    menus: new Map(),
    windows: [],
    broadcasts: [],
    menuClicked: new FakeEvent(),
    command: new FakeEvent(),
    omnibox: { started: new FakeEvent(), changed: new FakeEvent(), entered: new FakeEvent() },
  };
  const browser = fakeBrowser as unknown as Record<string, Loose>;
  Object.assign(browser.i18n as Loose, {
    // Tests read message keys, not translations: "key" or "key[detail, …]".
    getMessage: (key: string, substitutions?: string[]) =>
      substitutions?.length ? `${key}[${substitutions.join(', ')}]` : key,
    getUILanguage: () => options.uiLanguage ?? 'de-DE',
  });
  Object.assign(browser.runtime as Loose, {
    getManifest: () => ({ manifest_version: 3, name: 'Ringback', version: '0', icons: { 128: 'icon/128.png' } }),
    // The background broadcasting to open pages: none listening in unit tests.
    sendMessage: async (message: unknown) => {
      recorder.broadcasts.push(message);
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  });
  Object.assign(browser.tabs as Loose, {
    sendMessage: vi.fn(async (...args: unknown[]) => {
      recorder.tabMessages.push(args);
    }),
  });
  Object.assign(browser.action as Loose, {
    openPopup: async () => {
      throw new Error('openPopup is not allowed here');
    },
  });
  const createWindow = fakeBrowser.windows.create;
  Object.assign(browser.windows as Loose, {
    create: async (data: Parameters<typeof createWindow>[0]) => {
      recorder.windows.push(data?.url?.toString() ?? '');
      return createWindow(data);
    },
  });
  Object.assign(browser.contextMenus as Loose, {
    removeAll: async () => recorder.menus.clear(),
    create: (properties: Loose, callback?: () => void) => {
      recorder.menus.set(String(properties.id), properties);
      callback?.();
      return properties.id;
    },
    update: async (id: string, changes: Loose) => {
      const item = recorder.menus.get(id);
      if (!item) throw new Error(`Cannot find menu item with id ${id}`);
      recorder.menus.set(id, { ...item, ...changes });
    },
    onClicked: recorder.menuClicked,
  });
  Object.assign(browser.commands as Loose, { onCommand: recorder.command });
  Object.assign(browser.omnibox as Loose, {
    onInputStarted: recorder.omnibox.started,
    onInputChanged: recorder.omnibox.changed,
    onInputEntered: recorder.omnibox.entered,
    setDefaultSuggestion: async ({ description }: { description: string }) => {
      recorder.omnibox.defaultSuggestion = description;
    },
  });
  return recorder;
}

export async function badgeText(): Promise<string> {
  return fakeBrowser.action.getBadgeText({});
}

export async function shownNotifications(): Promise<Record<string, { title?: string; message?: string }>> {
  return (await fakeBrowser.notifications.getAll()) as Record<string, { title?: string; message?: string }>;
}
