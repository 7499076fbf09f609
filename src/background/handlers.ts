/**
 * Which feature answers which request. The router has already checked sender and shape; what a
 * content script may ask is limited there, and here a page's request loses what only the popup
 * may say (that the user confirmed a call).
 */
import type { Replies, Request } from '../messages';
import { choose, removeAccount, saveAccount, setActiveAccount, testConnection } from './account-handlers';
import { actOnCallList, callListHoldsLine, callListView, resumeCallList, startCallList } from './call-list';
import { resumeTracking } from './call-tracking';
import { type CallHooks, placeCall } from './calls';
import { composeSms } from './compose-sms';
import { frameNumbers } from './frame-numbers';
import { hangUp } from './hang-up';
import { setHistoryNote } from './history-notes';
import { clearAllHistory, historyView } from './history-view';
import { exportSettings, importSettings } from './import-export';
import { loadSettings } from './managed';
import { numberWhereWhen } from './number-info';
import { pageConfig } from './page-config';
import { cachePageRules } from './page-rules-cache';
import { openPopup } from './popup-opener';
import { popupState } from './popup-state';
import { readPresence, switchPresence } from './presence';
import { Refusal } from './refusal';
import type { RequestContext } from './router';
import { saveSettings, settingsView } from './settings-handlers';
import { sendSms } from './sms';
import { rememberFrame } from './tab-frames';
import { openWelcome } from './welcome';

/** Whether this worker has looked for a call to carry on following (once per worker life is enough). */
let trackingResumed = false;

export async function handle(request: Request, context: RequestContext): Promise<Replies[Request['type']]> {
  // A worker restarted mid-call picks its tracking up again on the first message it gets. Every
  // frame that may show a number asks for its config, so later messages do not read storage for it again.
  if (!trackingResumed) {
    trackingResumed = true;
    void resumeTracking().catch(() => undefined);
    void resumeCallList().catch(() => undefined);
  }
  const fromPage = context.kind === 'content-script';
  const tabId = context.sender.tab?.id;
  switch (request.type) {
    case 'call': {
      // Never two calls at once: while a call list's call is placed or up (or about to be), a call
      // from anywhere else waits for the user to pause or stop the list.
      if (await callListHoldsLine()) throw new Refusal('errCallListBusy');
      const hooks: CallHooks = { askToConfirm: () => openPopup(tabId) };
      const origin = request.origin ?? tabOrigin(context);
      return placeCall(
        {
          number: request.number,
          source: fromPage ? 'page' : 'popup',
          ...(origin ? { origin } : {}),
          ...(request.confirmed && !fromPage ? { confirmed: true } : {}),
        },
        hooks,
      );
    }
    case 'compose-sms':
      return composeSms(request.number, tabId);
    case 'page-config': {
      // A frame's own URL comes from the browser, not from what the page may have changed.
      const url = fromPage ? (context.sender.url ?? request.url) : request.url;
      if (fromPage && tabId !== undefined) await rememberFrame(tabId, context.sender.frameId ?? 0, url);
      const settings = await loadSettings();
      // The next frame starts from what this one is told (nothing waits for the write).
      void cachePageRules(settings).catch(() => undefined);
      return pageConfig(url, settings);
    }
    case 'where-when':
      return numberWhereWhen(request.number);
    case 'frame-numbers':
      // Only a page's own frames: the tab is the asking content script's.
      return tabId === undefined ? [] : frameNumbers(tabId, request.frameId);
    case 'open-welcome':
      await openWelcome();
      return null;
    case 'popup-state':
      return popupState();
    case 'choose':
      return choose(request.choice);
    case 'hang-up':
      return hangUp();
    case 'presence':
      return readPresence();
    case 'set-presence':
      return switchPresence(request.state);
    case 'send-sms':
      return sendSms(request);
    case 'history':
      return historyView();
    case 'clear-history':
      return clearAllHistory();
    case 'history-note':
      return setHistoryNote(request.id, request.note);
    case 'call-list-start':
      return startCallList(request.numbers, request.origin);
    case 'call-list':
      return callListView();
    case 'call-list-action':
      return actOnCallList(request.action);
    case 'get-settings':
      return settingsView();
    case 'save-settings':
      return saveSettings(request.settings);
    case 'save-account':
      return saveAccount(request.account, request.credentials);
    case 'remove-account':
      return removeAccount(request.accountId);
    case 'set-active-account':
      return setActiveAccount(request.accountId);
    case 'test-connection':
      return testConnection(request.account, request.credentials);
    case 'export-settings':
      return exportSettings(request.includeCredentials);
    case 'import-settings':
      return importSettings(request.json, request.confirm);
  }
}

/** A page's own tab, when the content script did not say where the call came from. */
function tabOrigin(context: RequestContext) {
  const tab = context.sender.tab;
  return context.kind === 'content-script' && tab?.url ? { title: tab.title ?? '', url: tab.url } : undefined;
}
