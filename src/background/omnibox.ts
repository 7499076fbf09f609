/**
 * The address bar keyword `call`: typing "call 0221 669669-66" shows the number as it will be
 * dialled, with where it is and the time there, plus matching recent calls and numbers on the
 * current tab; Enter calls through the same path as the popup, confirmation rules included (a call
 * to confirm opens the popup). Before any account exists, Enter opens the welcome instead.
 */
import { browser } from 'wxt/browser';
import { whereWhenLine } from '../geo';
import { DIAL_ERROR_MESSAGES, isPageNumber, type PageNumber, type TabMessage } from '../messages';
import { parseDialInput } from '../phone';
import { activeAccount } from '../settings';
import { callListHoldsLine } from './call-list';
import { type CallHooks, placeCall } from './calls';
import { defaultCountryOf } from './country';
import { loggedEntries } from './history';
import { useChosenLanguage } from './language';
import { loadSettings } from './managed';
import { notifyProblem } from './notifications';
import { describeE164 } from './number-info';
import { buildSuggestions, type SuggestionSources } from './omnibox-suggestions';
import { openWelcome } from './welcome';

/** Recent calls and the tab's numbers are read once per burst of typing, not on every key. */
const SOURCES_FRESH_MS = 10_000;

/** Chrome reads descriptions as XML; Firefox shows them as they are. */
const MARKUP = !import.meta.env.FIREFOX;

let typedLatest = 0;
let cached: { readonly at: number; readonly sources: Promise<Pick<SuggestionSources, 'recent' | 'page'>> } | undefined;

export function startOmnibox(hooks: CallHooks, run: (task: Promise<unknown>, what: string) => void): void {
  browser.omnibox.onInputStarted.addListener(() => {
    cached = undefined;
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    const asked = ++typedLatest;
    run(
      suggestionsFor(text).then(async ({ defaultDescription, list }) => {
        // Typing went on meanwhile: only the latest text's suggestions are shown.
        if (asked !== typedLatest) return;
        await browser.omnibox.setDefaultSuggestion({ description: defaultDescription });
        suggest([...list]);
      }),
      'omnibox',
    );
  });
  browser.omnibox.onInputEntered.addListener((text) => run(callTyped(text, hooks), 'omnibox'));
}

export async function suggestionsFor(text: string, now = Date.now()) {
  const [settings] = await Promise.all([loadSettings(), useChosenLanguage()]);
  const home = defaultCountryOf(settings);
  const parsed = text.trim() === '' ? undefined : parseDialInput(text, { defaultCountry: home });
  let typed: SuggestionSources['typed'];
  if (parsed?.ok) {
    const words = await describeE164(parsed.number.e164, now);
    typed = {
      e164: parsed.number.e164,
      international: parsed.number.international,
      whereWhen: words ? whereWhenLine(words) : '',
    };
  } else if (parsed) {
    typed = { errorKey: DIAL_ERROR_MESSAGES[parsed.error] };
  }
  const format = (e164: string) => {
    const number = parseDialInput(e164, { defaultCountry: home });
    if (!number.ok) return e164;
    return number.number.country === home ? number.number.national : number.number.international;
  };
  return buildSuggestions({ text, typed, format, ...(await sources(now)) }, MARKUP);
}

async function callTyped(text: string, hooks: CallHooks): Promise<void> {
  const number = text.trim();
  if (number === '') return;
  if (!activeAccount(await loadSettings())) {
    await openWelcome();
    return;
  }
  // Never two calls at once: while a call list holds the line, other calls wait (handlers.ts).
  if (await callListHoldsLine()) {
    await notifyProblem('errCallListBusy');
    return;
  }
  // The outcome reaches the user as any call's does (notification, badge, popup).
  await placeCall({ number, source: 'omnibox' }, hooks);
}

function sources(now: number): Promise<Pick<SuggestionSources, 'recent' | 'page'>> {
  if (!cached || now - cached.at > SOURCES_FRESH_MS) {
    cached = {
      at: now,
      sources: Promise.all([recentCalls(), tabNumbers()]).then(([recent, page]) => ({ recent, page })),
    };
  }
  return cached.sources;
}

async function recentCalls() {
  const entries = await loggedEntries();
  return entries.filter((e) => e.kind === 'call' && e.direction === 'outgoing').sort((a, b) => b.at - a.at);
}

/** The numbers the active tab's content script found; none on pages without it. */
async function tabNumbers(): Promise<PageNumber[]> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return [];
    const message: TabMessage = { type: 'list-numbers' };
    const reply: unknown = await browser.tabs.sendMessage(tab.id, message);
    return Array.isArray(reply) ? reply.filter(isPageNumber) : [];
  } catch {
    return [];
  }
}
