/** How the popup and the options page name availability states, and what each provider offers. */
import { t } from '../i18n';
import { PROVIDER_CAPABILITIES } from '../providers/catalog';
import type { PresenceState, ProviderId } from '../providers/types';

/** The message key for each state. */
export const PRESENCE_LABELS: Readonly<Record<PresenceState, string>> = {
  available: 'presenceAvailable',
  away: 'presenceAway',
  dnd: 'presenceDnd',
  offline: 'presenceOffline',
};

/** "Availability from the toolbar: …" for a provider that offers it, else undefined. */
export function presenceOffer(provider: ProviderId): string | undefined {
  const states = PROVIDER_CAPABILITIES[provider].presence;
  if (states.length === 0) return undefined;
  return t('accountPresenceOffered', [states.map((state) => t(PRESENCE_LABELS[state])).join(', ')]);
}
