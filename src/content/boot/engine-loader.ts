/**
 * Loads the engine (content-engine.js, built from entrypoints/content-engine.ts) into this frame's
 * isolated world with a dynamic `import()`: a module a content script imports runs in the content
 * script's world, with its extension APIs, in Chromium and Firefox alike (verified in both, also on
 * pages whose CSP allows no scripts, and in about:blank and srcdoc frames). The file is a
 * web-accessible resource; Chrome serves it under a per-session URL (`use_dynamic_url`), so pages
 * cannot probe for it.
 */
import { type ContentEngine, receiveEngine } from './engine-contract';
import type { ExtensionApi } from './extension-api';

export const ENGINE_FILE = 'content-engine.js';

export function loadEngine(api: ExtensionApi): Promise<ContentEngine> {
  return receiveEngine(() => import(/* @vite-ignore */ api.runtime.getURL(`/${ENGINE_FILE}`)));
}
