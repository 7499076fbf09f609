/**
 * The toolbar badge: a call in progress (requested, ringing, connected), so the user sees Ringback
 * is working even with the popup closed; otherwise do not disturb while the PBX reports it on. A
 * live call takes precedence; once it is over, the DND badge shows again. Whether DND is on is kept
 * in storage.session, so a restarted worker still knows what to draw after a call.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { type CallPhase, PHASE_MESSAGES } from '../messages';
import { useChosenLanguage } from './language';
import { sessionValue } from './storage';

const IN_PROGRESS: Partial<Record<CallPhase, string>> = {
  requested: '#b45309',
  ringing: '#b45309',
  connected: '#15803d',
};

export const CALL_BADGE_TEXT = '☎';
/** A circled slash: language-neutral, and in the fonts browsers draw badges with. */
export const DND_BADGE_TEXT = '⊘';
const DND_COLOR = '#b91c1c';

const dndShown = sessionValue('badgeDnd', (value): value is boolean => typeof value === 'boolean');

export async function showCallBadge(phase: CallPhase | undefined): Promise<void> {
  const color = phase ? IN_PROGRESS[phase] : undefined;
  try {
    await useChosenLanguage();
    if (!phase || !color) {
      await drawIdle((await dndShown.get()) === true);
      return;
    }
    await browser.action.setBadgeBackgroundColor({ color });
    await browser.action.setBadgeText({ text: CALL_BADGE_TEXT });
    await browser.action.setTitle({ title: `${t('extName')}: ${t(PHASE_MESSAGES[phase])}` });
  } catch (error) {
    // The badge is a hint; failing to draw it must not fail the call.
    warn(error);
  }
}

/** Do not disturb is on (or off) at the PBX, as last read. Drawn at once unless a call is shown. */
export async function showDndBadge(on: boolean): Promise<void> {
  try {
    await dndShown.set(on);
    if ((await browser.action.getBadgeText({})) === CALL_BADGE_TEXT) return;
    await useChosenLanguage();
    await drawIdle(on);
  } catch (error) {
    warn(error);
  }
}

async function drawIdle(dnd: boolean): Promise<void> {
  const title = t('extName');
  if (!dnd) {
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title });
    return;
  }
  await browser.action.setBadgeBackgroundColor({ color: DND_COLOR });
  await browser.action.setBadgeText({ text: DND_BADGE_TEXT });
  await browser.action.setTitle({ title: `${title}: ${t('presenceBadgeTitle')}` });
}

function warn(error: unknown): void {
  console.warn('Ringback: could not update the badge', error instanceof Error ? error.name : typeof error);
}
