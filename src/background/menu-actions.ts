/** What the context menu items do with the selected text. */
import type { CallOrigin } from '../messages';
import { callListHoldsLine } from './call-list';
import type { CallHooks } from './calls';
import { placeCall } from './calls';
import { composeSms } from './compose-sms';
import { MENU_CALL, MENU_SMS } from './context-menu';
import { notifyProblem } from './notifications';
import { Refusal } from './refusal';

export interface MenuClick {
  readonly menuItemId: string | number;
  readonly selectionText?: string;
  readonly pageUrl?: string;
}

export interface MenuTab {
  readonly id?: number;
  readonly title?: string;
  readonly url?: string;
}

export async function onMenuClick(info: MenuClick, tab: MenuTab | undefined, hooks: CallHooks): Promise<void> {
  const text = info.selectionText?.trim() ?? '';
  if (info.menuItemId === MENU_CALL) {
    // Never two calls at once: while a call list holds the line, other calls wait (handlers.ts).
    if (await callListHoldsLine()) return notifyProblem('errCallListBusy');
    // The outcome reaches the user through the call's own feedback (notification, badge, popup).
    await placeCall({ number: text, source: 'menu', ...selectionOrigin(info, tab) }, hooks);
  } else if (info.menuItemId === MENU_SMS) {
    try {
      await composeSms(text, tab?.id);
    } catch (error) {
      if (error instanceof Refusal) await notifyProblem(error.reason, error.details);
      else throw error;
    }
  }
}

/** The page the selection was on; clicking a menu item grants activeTab, so its title is readable. */
function selectionOrigin(info: MenuClick, tab: MenuTab | undefined): { origin?: CallOrigin } {
  const url = tab?.url ?? info.pageUrl;
  return url ? { origin: { title: tab?.title ?? '', url } } : {};
}
