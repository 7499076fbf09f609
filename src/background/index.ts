/**
 * The service worker: wires browser events to the features. Manifest V3 stops the worker whenever
 * it is idle and starts it again for the next event, so every listener is registered synchronously
 * here, in the first turn, and nothing is fetched or computed at start-up. State lives in storage.
 */
import { browser } from 'wxt/browser';
import { activeAccount } from '../settings';
import { capabilitiesOf } from './accounts';
import { CALL_LIST_ALARM, onTrackedChange, resumeCallList } from './call-list';
import { checkTrackedCall, onTrackedCallChange, TRACKING_ALARM } from './call-tracking';
import { runCommand } from './commands';
import { createMenus, showSmsMenu } from './context-menu';
import { migrateClearCredentials } from './credentials';
import { handle } from './handlers';
import { forgetChosenLanguage, useChosenLanguage } from './language';
import { loadSettings } from './managed';
import { onMenuClick } from './menu-actions';
import { startOmnibox } from './omnibox';
import { cachePageRules } from './page-rules-cache';
import { openPopup } from './popup-opener';
import { dropStalePresence, PRESENCE_ALARM, refreshPresence } from './presence';
import { createRouter } from './router';
import { SETTINGS_KEY } from './storage';
import { broadcastConfig, forgetTab } from './tab-frames';
import { welcomeOnInstall } from './welcome';

/** Settings often change in a burst (account and its credentials): tell pages once. */
const CONFIG_SETTLE_MS = 100;
let configTimer: ReturnType<typeof setTimeout> | undefined;

export function startBackground(): void {
  const route = createRouter(handle, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    run(rebuildMenus(), 'menus');
    run(welcomeOnInstall(reason), 'welcome');
    // An update from a version that kept logins in clear text: sealed at once, not at first use.
    run(migrateClearCredentials(), 'credentials');
    run(refreshPageRules(), 'page rules');
  });
  browser.runtime.onStartup.addListener(() => {
    run(rebuildMenus(), 'menus');
    run(refreshPageRules(), 'page rules');
  });
  browser.contextMenus.onClicked.addListener((info, tab) =>
    run(onMenuClick(info, tab, { askToConfirm: () => openPopup(tab?.id) }), 'menu'),
  );
  browser.commands.onCommand.addListener((command, tab) => run(runCommand(command, tab?.id), 'command'));
  startOmnibox({ askToConfirm: () => openPopup() }, run);

  browser.storage.onChanged.addListener((changes, area) => {
    // Pages, menus and the language follow settings; a login changes none of them.
    const relevant = area === 'managed' || (area === 'local' && SETTINGS_KEY in changes);
    if (!relevant) return;
    forgetChosenLanguage();
    configChanged();
  });
  onTrackedCallChange(onTrackedChange);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRACKING_ALARM) run(checkTrackedCall(), 'tracking');
    if (alarm.name === CALL_LIST_ALARM) run(resumeCallList(), 'call list');
    if (alarm.name === PRESENCE_ALARM) run(refreshPresence(), 'presence');
  });
  browser.tabs.onRemoved.addListener((tabId) => run(forgetTab(tabId), 'tabs'));
}

function configChanged(): void {
  if (configTimer !== undefined) clearTimeout(configTimer);
  configTimer = setTimeout(() => {
    configTimer = undefined;
    run(Promise.all([broadcastConfig(), refreshMenus(), dropStalePresence(), refreshPageRules()]), 'config');
  }, CONFIG_SETTLE_MS);
}

/** The rules frames start from before the background answers them (src/page-rules.ts). */
async function refreshPageRules(): Promise<void> {
  await cachePageRules(await loadSettings());
}

async function smsCapable(): Promise<boolean> {
  return capabilitiesOf(activeAccount(await loadSettings())).sms;
}

/** The language the menu titles were made in; unknown after the worker restarts. */
let menusLanguage: string | undefined;

async function rebuildMenus(): Promise<void> {
  menusLanguage = await useChosenLanguage();
  await createMenus(await smsCapable());
}

/** After a settings change: new titles when the language changed, else only the SMS item's visibility. */
async function refreshMenus(): Promise<void> {
  if ((await useChosenLanguage()) !== menusLanguage) await rebuildMenus();
  else await showSmsMenu(await smsCapable());
}

function run(task: Promise<unknown>, what: string): void {
  task.catch((error: unknown) => {
    console.error('Ringback: background task failed', what, error instanceof Error ? error.name : typeof error);
  });
}
