/**
 * Browser notifications for the call phases the user must not miss when the page or popup is not
 * in view: the phone is ringing, the call failed (and why), the outcome is unknown, or the call
 * waits for confirmation in the popup. One notification id, so each phase replaces the last.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { type CallPhase, type CallReport, PHASE_MESSAGES } from '../messages';
import { useChosenLanguage } from './language';

export const CALL_NOTIFICATION_ID = 'ringback-call';

const NOTIFIED: ReadonlySet<CallPhase> = new Set(['confirm', 'ringing', 'failed', 'unknown']);

/** A 1×1 transparent PNG: Chrome requires an icon, and a build without icons must still notify. */
const FALLBACK_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function shouldNotify(phase: CallPhase): boolean {
  return NOTIFIED.has(phase);
}

/** `number` is the number as the user reads it (international format). */
export async function notifyCall(report: CallReport, number: string | undefined): Promise<void> {
  if (!shouldNotify(report.phase)) return;
  await useChosenLanguage();
  const sentence = t(PHASE_MESSAGES[report.phase]);
  const message = report.reason ? `${sentence} ${t(report.reason, report.details)}` : sentence;
  try {
    await browser.notifications.create(CALL_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: iconUrl(),
      title: number ? `${t('extName')} · ${number}` : t('extName'),
      message,
      // An unknown outcome needs the user to check their phone before calling again.
      ...(report.phase === 'unknown' ? { priority: 2 } : {}),
    });
  } catch (error) {
    console.warn('Ringback: could not show a notification', error instanceof Error ? error.name : typeof error);
  }
}

/** The manifest's largest icon, resolved against the extension's origin. */
function iconUrl(): string {
  try {
    const icons = browser.runtime.getManifest().icons ?? {};
    const largest = Object.keys(icons)
      .map(Number)
      .filter(Number.isFinite)
      .sort((a, b) => b - a)[0];
    const path = largest === undefined ? undefined : icons[largest];
    return path ? new URL(path, browser.runtime.getURL('/')).href : FALLBACK_ICON;
  } catch {
    return FALLBACK_ICON;
  }
}

/** Something started outside the popup (menu, shortcut) could not be done: say why. */
export async function notifyProblem(reason: string, details: readonly string[] = []): Promise<void> {
  try {
    await browser.notifications.create(CALL_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: iconUrl(),
      title: t('extName'),
      message: t(reason, details),
    });
  } catch (error) {
    console.warn('Ringback: could not show a notification', error instanceof Error ? error.name : typeof error);
  }
}
