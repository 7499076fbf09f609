/**
 * The frames that run Ringback's content script, remembered from their page-config requests, so a
 * settings change reaches every open page at once (config-changed) with the config for that
 * frame's own URL. A frame asks only once its first stage has seen something that may be a number
 * (or the user acted on a selection there); one that never asked runs nothing a change could correct. Remembering them avoids the "tabs" permission: without it tab URLs are hidden,
 * and a site rule may allow a CRM page while forbidding the iframe inside it.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { TabMessage } from '../messages';
import { activeAccount } from '../settings';
import { capabilitiesOf } from './accounts';
import { exclusive } from './exclusive';
import { loadSettings } from './managed';
import { pageConfigFor } from './page-config';
import { sessionValue } from './storage';

/** tab id → frame id → URL of the page in that frame. */
type Frames = Record<string, Record<string, string>>;

const FRAMES_KEY = 'contentFrames';
/** A tab with more frames than this (ad-heavy pages) keeps only the latest. */
const MAX_FRAMES_PER_TAB = 32;

const frames = sessionValue(FRAMES_KEY, (value): value is Frames => isRecord(value));

function update(change: (all: Frames) => Frames): Promise<void> {
  return exclusive(FRAMES_KEY, async () => {
    await frames.set(change((await frames.get()) ?? {}));
  });
}

export function rememberFrame(tabId: number, frameId: number, url: string): Promise<void> {
  return update((all) => {
    const tab = { ...(all[tabId] ?? {}), [frameId]: url };
    const kept = Object.entries(tab).slice(-MAX_FRAMES_PER_TAB);
    return { ...all, [tabId]: Object.fromEntries(kept) };
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return update(({ [tabId]: _closed, ...rest }) => rest);
}

/** Sends each remembered frame its new config; frames that no longer answer are forgotten. */
export async function broadcastConfig(): Promise<void> {
  const settings = await loadSettings();
  const sms = capabilitiesOf(activeAccount(settings)).sms;
  const all = (await frames.get()) ?? {};
  const gone: [string, string][] = [];
  await Promise.all(
    Object.entries(all).flatMap(([tabId, tabFrames]) =>
      Object.entries(tabFrames).map(async ([frameId, url]) => {
        const message: TabMessage = { type: 'config-changed', config: pageConfigFor(url, settings, sms) };
        try {
          await browser.tabs.sendMessage(Number(tabId), message, { frameId: Number(frameId) });
        } catch (error) {
          // The page navigated away or was closed: no content script there any more. (A script that
          // just did not answer is still there.)
          if (noReceiver(error)) gone.push([tabId, frameId]);
        }
      }),
    ),
  );
  if (gone.length === 0) return;
  await update((current) => {
    const next: Frames = { ...current };
    for (const [tabId, frameId] of gone) {
      const { [frameId]: _gone, ...rest } = next[tabId] ?? {};
      next[tabId] = rest;
    }
    return next;
  });
}

function noReceiver(error: unknown): boolean {
  return error instanceof Error && /receiving end does not exist|no tab with id|invalid tab/i.test(error.message);
}
