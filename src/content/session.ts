/**
 * Ringback running on one page while site rules allow it: the scanner, the observer, the hover
 * card, link interception. Settings apply live (`update`); `stop` takes every mark and the host
 * element away and leaves the page as it was.
 */
import { t } from '../i18n';
import type { PageConfig, PageNumber } from '../messages';
import type { CountryCode } from '../phone';
import { numberDetails } from '../ui/number-details';
import { type Anchor, Card, type CardTarget, type LabelKey } from './card';
import { HoverTracker } from './hover';
import { LinkInterceptor } from './links';
import { requestCall, requestSms, requestWelcome, requestWhereWhen } from './messaging';
import { ownNumbers } from './numbers-list';
import { PageObserver } from './observer';
import { PageNumbers } from './page-numbers';
import { Scanner } from './scanner';

const LABEL_KEYS: Readonly<Record<LabelKey, string>> = {
  call: 'cardCall',
  callNumber: 'cardCallNumber',
  sms: 'cardSms',
  smsNumber: 'cardSmsNumber',
  focusHint: 'cardFocusHint',
  setUp: 'cardSetUp',
  setUpHint: 'cardSetUpHint',
};

/** The card with its labels and actions wired to the background. */
export function createCard(sms: boolean, onHide?: () => void, defaultCountry?: () => string): Card {
  const card = new Card({
    label: (key, number) => t(LABEL_KEYS[key], [number]),
    call: (target) => requestCall(target.number),
    sms: (target) => requestSms(target.number),
    setUp: requestWelcome,
    details: (target) => numberDetails(target, defaultCountry?.()),
    whereWhen: (target) => requestWhereWhen(target.number),
    ...(onHide ? { onHide } : {}),
  });
  card.setSms(sms);
  return card;
}

export class Session {
  #config: PageConfig;
  readonly #numbers = new PageNumbers();
  readonly #scanner: Scanner;
  readonly #observer: PageObserver;
  readonly #hover: HoverTracker;
  readonly #links: LinkInterceptor;
  #card: Card | undefined;

  constructor(config: PageConfig) {
    this.#config = config;
    this.#scanner = new Scanner({
      numbers: this.#numbers,
      defaultCountry: country(config),
      onShadowRoot: (root) => this.#observer.observe(root),
    });
    this.#observer = new PageObserver(this.#scanner, this.#numbers);
    this.#observer.observe(document);
    this.#hover = new HoverTracker({
      numbers: this.#numbers,
      card: () => this.card(),
      existingCard: () => this.#card,
    });
    this.#links = new LinkInterceptor({
      // Before set-up, call links keep doing what they did: Ringback could not call them yet.
      active: () => ({
        enabled: this.#config.telLinks && this.#config.setUp,
        defaultCountry: country(this.#config),
      }),
      call: (number, link, extension) => {
        this.showAction(
          {
            number: number.e164,
            label: number.international,
            ...(number.country ? { country: number.country } : {}),
            ...(extension ? { extension } : {}),
          },
          () => link.getBoundingClientRect(),
        );
      },
    });
    this.#scanner.queue(document.body ?? document.documentElement);
  }

  update(config: PageConfig): void {
    const previous = this.#config;
    this.#config = config;
    this.#card?.setSms(config.sms);
    this.#card?.setReady(config.setUp);
    if (config.defaultCountry !== previous.defaultCountry) {
      this.#card?.hide();
      this.#scanner.rescan(document.body ?? document.documentElement, country(config));
    }
  }

  /** The card, created on first use (most pages never need it). */
  card(): Card {
    if (!this.#card) {
      this.#card = createCard(this.#config.sms, undefined, () => this.#config.defaultCountry);
      this.#card.setReady(this.#config.setUp);
    }
    return this.#card;
  }

  /** Shows the card for an action the user took elsewhere (link, command) and calls at once. */
  showAction(target: CardTarget, anchor: Anchor): void {
    const card = this.card();
    card.show(target, anchor, 'action');
    void card.callNow();
  }

  numbers(): Promise<PageNumber[]> {
    return ownNumbers(this.#numbers, this.#observer.shadowRoots().length > 0);
  }

  stop(): void {
    this.#scanner.stop();
    this.#observer.disconnect();
    this.#hover.dispose();
    this.#links.dispose();
    this.#card?.dispose();
    this.#card = undefined;
    this.#numbers.dispose();
  }
}

function country(config: PageConfig): CountryCode {
  return config.defaultCountry as CountryCode;
}
