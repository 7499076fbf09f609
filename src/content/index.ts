/**
 * The content script: asks the background whether and how to run on this page, and follows what
 * the background says afterwards (settings changed, a selection to call, the popup asking for the
 * numbers on the page). Runs in every frame; each frame is its own page to it.
 */
import { browser } from 'wxt/browser';
import type { PageConfig, PageNumber, TabMessage } from '../messages';
import type { CountryCode } from '../phone';
import type { Card } from './card';
import { parseTabMessage, requestPageConfig, requestSms } from './messaging';
import { exposeToParent, listNumbers } from './numbers-list';
import { readSelection } from './selection';
import { createCard, Session } from './session';

/** Used to read a selection before the first config arrives. */
const FALLBACK_COUNTRY: CountryCode = 'DE';

export async function startContent(): Promise<void> {
  const content = new Content();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseTabMessage(message);
    return parsed ? content.handle(parsed) : undefined;
  });
  exposeToParent(() => listNumbers(content.numbers()));
  const config = await requestPageConfig();
  if (config) content.apply(config);
}

class Content {
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

  /** Returns a promise only for messages this frame answers (Chrome takes the first answer). */
  handle(message: TabMessage): Promise<unknown> | undefined {
    switch (message.type) {
      case 'config-changed':
        this.apply(message.config);
        return undefined;
      case 'selection-action':
        this.#selectionAction(message.action);
        return undefined;
      case 'list-numbers':
        // The top frame answers for itself and its same-origin frames.
        return window.top === window ? listNumbers(this.numbers()) : undefined;
      case 'list-frame-numbers':
        // Sent to this frame alone, for its parent frame (see numbers-list.ts).
        return listNumbers(this.numbers());
    }
  }

  #selectionAction(action: 'call' | 'sms'): void {
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
