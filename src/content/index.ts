/**
 * The content engine: detection, marks, the card, link interception. Built as its own script
 * (entrypoints/content-engine.ts) that the first stage (boot/first-stage.ts) imports into a frame
 * only when the page needs it; the first stage keeps talking to the background and hands on what
 * concerns the engine. Each frame is its own page to it.
 */
import type { PageConfig, PageNumber } from '../messages';
import type { CountryCode } from '../phone';
import { type ContentEngine, ENGINE_MARK, handOverEngine } from './boot/engine-contract';
import type { Card } from './card';
import { requestSms } from './messaging';
import { readSelection } from './selection';
import { createCard, Session } from './session';

/** Used to read a selection before the first config arrives. */
const FALLBACK_COUNTRY: CountryCode = 'DE';

/** Hands a new engine to the first stage that imported this script (there is none in a page's own world). */
export function offerContentEngine(): void {
  handOverEngine(() => {
    try {
      performance.mark(ENGINE_MARK);
    } catch {
      // Timing is informational only.
    }
    return new Content();
  });
}

class Content implements ContentEngine {
  #config: PageConfig | undefined;
  #session: Session | undefined;
  /** A card shown for a selection action while detection is off here; removed once hidden. */
  #loneCard: Card | undefined;

  /** Site rules apply live: off removes every mark and the host element; on scans the page. */
  apply(config: PageConfig): void {
    this.#config = config;
    if (!config.enabled) {
      this.#session?.stop();
      this.#session = undefined;
      return;
    }
    this.#dropLoneCard();
    if (this.#session) this.#session.update(config);
    else this.#session = new Session(config);
  }

  numbers(): Promise<PageNumber[]> {
    return this.#session?.numbers() ?? Promise.resolve([]);
  }

  selectionAction(action: 'call' | 'sms'): void {
    const country = (this.#config?.defaultCountry ?? FALLBACK_COUNTRY) as CountryCode;
    const selected = readSelection(country);
    if (!selected) return;
    if (action === 'sms') {
      void requestSms(selected.text);
      return;
    }
    const target = { number: selected.text, label: selected.text };
    if (this.#session) {
      this.#session.showAction(target, selected.anchor);
      return;
    }
    this.#dropLoneCard();
    const card = createCard(false, () => {
      if (this.#loneCard === card) this.#dropLoneCard();
    });
    this.#loneCard = card;
    card.show(target, selected.anchor, 'action');
    void card.callNow();
  }

  #dropLoneCard(): void {
    this.#loneCard?.dispose();
    this.#loneCard = undefined;
  }
}
