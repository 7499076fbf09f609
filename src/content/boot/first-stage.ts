/**
 * The first stage of the content script: what runs in every frame of every page, so it is small
 * (no libphonenumber, no engine) and waits for nobody. It looks at once, with the DOM alone, for
 * anything that could be a number (digit-look.ts), and touches no extension API until it finds
 * something: Firefox builds a frame's extension API on its first use, 4–5 ms of CPU per frame,
 * which a frame with nothing to call should never pay. Once the look finds digits or a call link,
 * the frame starts from the page rules the background cached (src/page-rules.ts) and asks the
 * background at the same time (which remembers the frame for later `config-changed` pushes); the
 * background's answer wins. Where the rules allow, it loads the engine (src/content/index.ts),
 * which scans for real. A frame whose page holds no number never loads it.
 *
 * It also answers what the background asks every frame: the popup's list of numbers (the top frame
 * answers for its same-origin frames, so it listens from the start) and "call the selection". A
 * sub-frame listens from the moment it has something to answer for: digits, or a selection (a
 * number typed into a form field is never seen by the look). The focused frame then loads the
 * engine (reading a number out of a selection needs it).
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

/** The events by which a frame learns the user selected something, in its text or in a field. */
const SELECTION_EVENTS = ['selectionchange', 'select'] as const;

export function startFirstStage(): void {
  const stage = new FirstStage();
  exposeToParent(() => listNumbers(stage.ownNumbers(), stage.askFrame));
  stage.start();
}

class FirstStage {
  /** Looked up on first need: in Firefox even reading `browser` builds the frame's API. */
  #api: ExtensionApi | null | undefined;
  readonly #look = new DigitLook(() => this.#found());
  /** The look found something that may be a number: the engine is wanted where the rules allow. */
  #numbersLikely = false;
  #config: PageConfig | undefined;
  /** The background has said what applies here: the cached rules no longer count. */
  #answered = false;
  #listening = false;
  /** Settles once this frame knows a config (cached or answered), or knows it will get none. */
  #configKnown: Promise<void> | undefined;
  #knowConfig: (() => void) | undefined;
  #loading: Promise<ContentEngine | undefined> | undefined;
  #loaded: ContentEngine | undefined;

  start(): void {
    if (window.top === window) this.#listen();
    else {
      const selected = () => {
        for (const type of SELECTION_EVENTS) document.removeEventListener(type, selected, true);
        this.#listen();
      };
      for (const type of SELECTION_EVENTS) document.addEventListener(type, selected, true);
    }
    this.#look.start(document);
  }

  /** Firefox: the frame's id (a Firefox-only API), and the background asks that frame. */
  readonly askFrame = async (frame: Element): Promise<unknown> => {
    const api = this.#extensionApi();
    const runtime = api?.runtime as { getFrameId?: (target: unknown) => number } | undefined;
    if (!api || typeof runtime?.getFrameId !== 'function') return [];
    const frameId = runtime.getFrameId(frame);
    if (!(frameId > 0)) return [];
    const reply: unknown = await api.runtime.sendMessage({ type: 'frame-numbers', frameId });
    return isReply<unknown>(reply) && reply.ok ? reply.value : [];
  };

  ownNumbers(): Promise<PageNumber[]> {
    return this.#loaded?.numbers() ?? Promise.resolve([]);
  }

  #extensionApi(): ExtensionApi | undefined {
    if (this.#api === undefined) this.#api = extensionApi() ?? null;
    return this.#api ?? undefined;
  }

  /** Answers the background from now on (once per frame). */
  #listen(): void {
    const api = this.#extensionApi();
    if (this.#listening || !api) return;
    this.#listening = true;
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== api.runtime.id) return undefined;
      const parsed = parseTabMessage(message);
      const answer = parsed ? this.#handle(parsed) : undefined;
      if (!answer) return undefined;
      // Chrome takes the first frame's answer: only a frame that answers keeps the channel open.
      answer.then(sendResponse, () => sendResponse([]));
      return true;
    });
  }

  /** Returns a promise only for messages this frame answers. */
  #handle(message: TabMessage): Promise<unknown> | undefined {
    switch (message.type) {
      case 'config-changed':
        this.#answer(message.config);
        return undefined;
      case 'selection-action':
        if (focusedHere()) void this.#actOnSelection(message.action);
        return undefined;
      case 'list-numbers':
        // The top frame answers for itself and its same-origin frames.
        return window.top === window ? listNumbers(this.ownNumbers(), this.askFrame) : undefined;
      case 'list-frame-numbers':
        // Sent to this frame alone, for its parent frame (see numbers-list.ts).
        return listNumbers(this.ownNumbers(), this.askFrame);
    }
  }

  #found(): void {
    this.#numbersLikely = true;
    void this.#learnConfig();
    if (this.#config) this.#apply(this.#config);
  }

  /** The selection is read with the page's default country, so the config comes first. */
  async #actOnSelection(action: 'call' | 'sms'): Promise<void> {
    await this.#learnConfig();
    const engine = await this.#needEngine();
    engine?.selectionAction(action);
  }

  /** Listens, reads the cached rules and asks the background (once per frame). */
  #learnConfig(): Promise<void> {
    if (this.#configKnown) return this.#configKnown;
    this.#configKnown = new Promise((resolve) => {
      this.#knowConfig = resolve;
    });
    this.#listen();
    const asked = this.#askBackground();
    const read = this.#readCachedRules();
    // Neither gave a config (no background, nothing cached): the engine's defaults.
    void Promise.all([asked, read]).then(() => this.#knowConfig?.());
    return this.#configKnown;
  }

  async #askBackground(): Promise<void> {
    const api = this.#extensionApi();
    if (!api) return;
    try {
      const reply: unknown = await api.runtime.sendMessage({ type: 'page-config', url: location.href });
      const config = isReply<unknown>(reply) && reply.ok ? parsePageConfig(reply.value) : undefined;
      if (config) this.#answer(config);
    } catch {
      // No background to answer (the extension was updated or switched off): the cached rules stand.
    }
  }

  async #readCachedRules(): Promise<void> {
    const api = this.#extensionApi();
    if (!api) return;
    try {
      const stored = await api.storage.local.get(PAGE_RULES_KEY);
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
    this.#knowConfig?.();
    // Once loading, the engine follows the config (it takes the latest when it arrives).
    if (this.#loading) this.#loaded?.apply(config);
    else if (!config.enabled) this.#look.stop();
    else if (this.#numbersLikely) void this.#needEngine();
    else this.#look.start(document);
  }

  /** The engine, loaded on first need (once per frame). */
  #needEngine(): Promise<ContentEngine | undefined> {
    const api = this.#extensionApi();
    if (!api) return Promise.resolve(undefined);
    this.#look.stop();
    this.#loading ??= loadEngine(api).then(
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
