/**
 * The toolbar badge while a call is in progress (requested, ringing, connected), so the user sees
 * Ringback is working even with the popup closed. Any other phase clears it.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { type CallPhase, PHASE_MESSAGES } from '../messages';
import { useChosenLanguage } from './language';

const IN_PROGRESS: Partial<Record<CallPhase, string>> = {
  requested: '#b45309',
  ringing: '#b45309',
  connected: '#15803d',
};

export const CALL_BADGE_TEXT = '☎';

export async function showCallBadge(phase: CallPhase | undefined): Promise<void> {
  const color = phase ? IN_PROGRESS[phase] : undefined;
  try {
    await useChosenLanguage();
    const title = t('extName');
    if (!phase || !color) {
      await browser.action.setBadgeText({ text: '' });
      await browser.action.setTitle({ title });
      return;
    }
    await browser.action.setBadgeBackgroundColor({ color });
    await browser.action.setBadgeText({ text: CALL_BADGE_TEXT });
    await browser.action.setTitle({ title: `${title}: ${t(PHASE_MESSAGES[phase])}` });
  } catch (error) {
    // The badge is a hint; failing to draw it must not fail the call.
    console.warn('Ringback: could not update the badge', error instanceof Error ? error.name : typeof error);
  }
}
