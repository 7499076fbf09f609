/** How the UI writes numbers, times and outcomes. */
import type { HistoryEntry } from '../messages';
import type { CountryCode } from '../phone';
import type { PhoneModule } from './phone';

/**
 * An E.164 number as people write it: nationally when it is in the user's own country, else
 * internationally. Before the phone module has loaded, the E.164 form itself.
 */
export function formatNumber(e164: string, phone: PhoneModule | undefined, homeCountry: string): string {
  if (!phone) return e164;
  const parsed = phone.parseDialInput(e164, { defaultCountry: (homeCountry || 'DE') as CountryCode });
  if (!parsed.ok) return e164;
  return parsed.number.country && parsed.number.country === homeCountry
    ? parsed.number.national
    : parsed.number.international;
}

/** "14:05" today, "Mon 14:05" this week, else a short date and time. */
export function formatWhen(at: number, now: number, language: string): string {
  const date = new Date(at);
  const today = new Date(now);
  const sameDay = date.toDateString() === today.toDateString();
  const withinWeek = now - at < 6 * 24 * 3_600_000 && now >= at;
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : withinWeek
      ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/** The message key naming a history entry's outcome. */
export function outcomeKey(outcome: HistoryEntry['outcome']): string {
  return `outcome_${outcome}`;
}

export const OUTCOME_TONE: Readonly<Record<HistoryEntry['outcome'], 'good' | 'bad' | 'neutral'>> = {
  confirm: 'neutral',
  requested: 'neutral',
  ringing: 'neutral',
  connected: 'good',
  answered: 'good',
  ended: 'neutral',
  sent: 'good',
  failed: 'bad',
  missed: 'bad',
  busy: 'bad',
  unknown: 'bad',
};
