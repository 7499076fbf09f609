/**
 * Runs code in Firefox's parent process (the chrome context: `ChromeUtils`, `Services`, XPCOM),
 * over the same WebDriver BiDi connection puppeteer drives the browser with. Firefox allows it
 * only when started with `--remote-allow-system-access` (as firefox.ts launches it): BiDi's
 * `browsingContext.getTree` then lists the browser's chrome window under `"moz:scope": "chrome"`,
 * and `script.evaluate` runs in that window like any other context. Benchmarks use it for what
 * pages cannot see: per-process CPU time and memory.
 */
import type { Browser } from 'puppeteer-core';

/** The part of puppeteer's BiDi connection the types leave out (an internal: puppeteer-core is pinned). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ContextTree {
  contexts: { context: string; url: string }[];
}

type Evaluated =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

export interface ParentProcess {
  /**
   * Evaluates `expression` (awaited when it is a promise) in the browser window's chrome context.
   * Only strings come back intact over BiDi: return `JSON.stringify(...)` and parse it here.
   */
  evaluate(expression: string): Promise<string>;
}

export async function parentProcess(browser: Browser): Promise<ParentProcess> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as ContextTree;
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window)
    throw new Error('no chrome window to evaluate in: is Firefox started with --remote-allow-system-access?');
  return {
    async evaluate(expression) {
      const answer = (
        await connection.send('script.evaluate', {
          expression,
          awaitPromise: true,
          target: { context: window.context },
        })
      ).result as Evaluated;
      if (answer.type === 'exception') throw new Error(`in Firefox's parent process: ${answer.exceptionDetails.text}`);
      if (typeof answer.result.value !== 'string') throw new Error(`expected a string, got ${answer.result.type}`);
      return answer.result.value;
    },
  };
}
