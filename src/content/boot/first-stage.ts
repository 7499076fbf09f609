/**
 * The first stage of the content script: what runs in every frame of every page, so it is small
 * (no libphonenumber, no engine) and waits for nobody. It starts from the page rules the
 * background cached (src/page-rules.ts) and asks the background at the same time; the
 * background's answer, and every later `config-changed`, wins. Where detection may run it looks
 * cheaply for anything that could be a number (digit-look.ts) and only then loads the engine
 * (src/content/index.ts), which scans for real. A frame whose page holds no number never loads it.
 *
 * It also answers what the background asks every frame: the popup's list of numbers (the top frame
 * answers for its same-origin frames) and "call the selection", for which the focused frame loads
 * the engine (reading a number out of a selection needs it).
 */
import { isReply, type PageConfig, type PageNumber, type TabMessage } from '../../messages';
import { configForUrl, PAGE_RULES_KEY, parsePageConfig, parsePageRules } from '../../page-rules';
import { focusedHere } from '../focus';
import { exposeToParent, listNumbers } from '../numbers-list';
import { DigitLook } from './digit-look';
import type { ContentEngine } from './engine-contract';
import { loadEngine } from './engine-loader';
import { type ExtensionApi, extensionApi } from './extension-api';
import { parseTabMessage } from './tab-messages';

export function startFirstStage(): void {
  const api = extensionApi();
  if (!api) return;
  const stage = new FirstStage(api);
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id) return undefined;
    const parsed = parseTabMessage(message);
    const answer = parsed ? stage.handle(parsed) : undefined;
    if (!answer) return undefined;
    // Chrome takes the first frame's answer: only a frame that answers keeps the channel open.
    answer.then(sendResponse, () => sendResponse([]));
    return true;
  });
  exposeToParent(() => listNumbers(stage.ownNumbers(), stage.askFrame));
  stage.start();
}

class FirstStage {
  readonly #api: ExtensionApi;
  readonly #look = new DigitLook(() => void this.#needEngine());
  #config: PageConfig | undefined;
  /** The background has said what applies here: the cached rules no longer count. */
  #answered = false;
  #loading: Promise<ContentEngine | undefined> | undefined;
  #loaded: ContentEngine | undefined;

  constructor(api: ExtensionApi) {
    this.#api = api;
  }

  start(): void {
    void this.#askBackground();
    void this.#readCachedRules();
  }

  /** Returns a promise only for messages this frame answers. */
  handle(message: TabMessage): Promise<unknown> | undefined {
    switch (message.type) {
      case 'config-changed':
        this.#answer(message.config);
        return undefined;
      case 'selection-action':
        if (focusedHere()) void this.#needEngine().then((engine) => engine?.selectionAction(message.action));
        return undefined;
      case 'list-numbers':
        // The top frame answers for itself and its same-origin frames.
        return window.top === window ? listNumbers(this.ownNumbers(), this.askFrame) : undefined;
      case 'list-frame-numbers':
        // Sent to this frame alone, for its parent frame (see numbers-list.ts).
        return listNumbers(this.ownNumbers(), this.askFrame);
    }
  }

  /** Firefox: the frame's id (a Firefox-only API), and the background asks that frame. */
  readonly askFrame = async (frame: Element): Promise<unknown> => {
    const runtime = this.#api.runtime as { getFrameId?: (target: unknown) => number };
    if (typeof runtime.getFrameId !== 'function') return [];
    const frameId = runtime.getFrameId(frame);
    if (!(frameId > 0)) return [];
    const reply: unknown = await this.#api.runtime.sendMessage({ type: 'frame-numbers', frameId });
    return isReply<unknown>(reply) && reply.ok ? reply.value : [];
  };

  ownNumbers(): Promise<PageNumber[]> {
    return this.#loaded?.numbers() ?? Promise.resolve([]);
  }

  async #askBackground(): Promise<void> {
    try {
      const reply: unknown = await this.#api.runtime.sendMessage({ type: 'page-config', url: location.href });
      const config = isReply<unknown>(reply) && reply.ok ? parsePageConfig(reply.value) : undefined;
      if (config) this.#answer(config);
    } catch {
      // No background to answer (the extension was updated or switched off): the cached rules stand.
    }
  }

  async #readCachedRules(): Promise<void> {
    try {
      const stored = await this.#api.storage.local.get(PAGE_RULES_KEY);
      const rules = parsePageRules(stored[PAGE_RULES_KEY]);
      if (rules && !this.#answered) this.#apply(configForUrl(rules, location.href));
    } catch {
      // Nothing cached to start from: the background's answer will do.
    }
  }

  #answer(config: PageConfig): void {
    this.#answered = true;
    this.#apply(config);
  }

  #apply(config: PageConfig): void {
    this.#config = config;
    // Once loading, the engine follows the config (it takes the latest when it arrives).
    if (this.#loading) this.#loaded?.apply(config);
    else if (config.enabled) this.#look.start(document);
    else this.#look.stop();
  }

  /** The engine, loaded on first need (once per frame). */
  #needEngine(): Promise<ContentEngine | undefined> {
    this.#look.stop();
    this.#loading ??= loadEngine(this.#api).then(
      (engine) => {
        this.#loaded = engine;
        if (this.#config) engine.apply(this.#config);
        return engine;
      },
      (error: unknown) => {
        console.error('Ringback: the content engine did not load', error instanceof Error ? error.name : typeof error);
        return undefined;
      },
    );
    return this.#loading;
  }
}
