/** Provider brand names, written as each provider writes its own (not translated). */
import type { ProviderId } from '../providers/types';

export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = {
  fonial: 'fonial',
  voipcenter: 'VoipCenter (pbxonline)',
  sipgate: 'sipgate',
  fonema: 'Fonema',
};
