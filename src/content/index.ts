/** The content script: asks the background whether and how to run here, then marks numbers. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { type CallReport, type PageConfig, PHASE_MESSAGES, type Reply, type Request } from '../messages';
import type { CountryCode } from '../phone';
import { HoverCard } from './hover-card';
import { PageNumbers } from './page-numbers';
import { scanSubtree } from './scan';

export async function startContent(): Promise<void> {
  const config = await ask<PageConfig>({ type: 'page-config', url: location.href });
  if (!config.ok || !config.value.enabled) return;
  const numbers = new PageNumbers();
  const card = new HoverCard({
    numbers,
    label: (key, number) => t(key === 'call' ? 'cardCall' : 'cardCallNumber', [number]),
    onCall: async (found) => {
      const reply = await ask<CallReport>({
        type: 'call',
        number: found.match.e164,
        origin: { title: document.title, url: location.href },
      });
      if (!reply.ok) return t(reply.reason, reply.details);
      const { phase, reason, details } = reply.value;
      return reason ? `${t(PHASE_MESSAGES[phase])} ${t(reason, details)}` : t(PHASE_MESSAGES[phase]);
    },
  });
  scanSubtree(document.body, numbers, config.value.defaultCountry as CountryCode, card.host);
}

async function ask<T>(request: Request): Promise<Reply<T>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Reply<T>;
  } catch {
    return { ok: false, reason: 'errExtensionUnavailable' };
  }
}
