/**
 * How the first stage and the engine meet. The engine is a separate script (content-engine.js)
 * that the first stage imports only where a page needs it; it runs in the same isolated world and
 * hands itself over through a function the first stage leaves on that world's global object
 * (which the page's own scripts cannot see). A page that imports the module into its own world
 * finds no such function, and the engine then does nothing.
 */
import type { PageConfig, PageNumber } from '../../messages';

export interface ContentEngine {
  /** The page's config (first or changed): detection starts, follows it, or stops. */
  apply(config: PageConfig): void;
  /** "Call / SMS the selection" from the context menu or the keyboard, in the focused frame. */
  selectionAction(action: 'call' | 'sms'): void;
  /** This frame's own numbers, in reading order. */
  numbers(): Promise<PageNumber[]>;
}

const HANDOVER = '__ringbackTakeEngine';

/**
 * First stage: runs `load` (the import) and returns the engine it handed over while it ran. A
 * module hands itself over as it is evaluated, before the import settles.
 */
export async function receiveEngine(load: () => Promise<unknown>): Promise<ContentEngine> {
  let received: ContentEngine | undefined;
  const take = (engine: ContentEngine) => {
    received = engine;
  };
  Object.defineProperty(globalThis, HANDOVER, { value: take, configurable: true });
  await load();
  if (!received) throw new Error('the content engine did not start');
  return received;
}

/** Engine: hands itself to the first stage that imported it; false when none did. */
export function handOverEngine(create: () => ContentEngine): boolean {
  const take: unknown = Reflect.get(globalThis, HANDOVER);
  if (typeof take !== 'function') return false;
  (take as (engine: ContentEngine) => void)(create());
  return true;
}

/** Marked on the page's performance timeline when the engine starts: benchmarks and tests read it. */
export const ENGINE_MARK = 'ringback-engine';
