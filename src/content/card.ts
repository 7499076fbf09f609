/**
 * The one piece of UI Ringback adds to a page: a host element at the document root whose shadow
 * root holds a small card next to a number: Call, SMS when the provider can send one, and a status
 * line. Buttons act only on trusted events: a page script calling `button.click()` places no call.
 * Labels are set with textContent only; page text never becomes markup.
 *
 * The card never confirms a risky call. An open shadow root is the page's to read and rewrite: a
 * hostile page could hide the reason ("premium-rate") and still get a real click on a confirm
 * button. So when the background wants a call confirmed, the card only says so, and the user
 * confirms in the Ringback popup, which pages cannot touch. Call again just asks again.
 *
 * Under the buttons, when the background knows: where the number is and the time there ("Köln,
 * Germany · 14:32 there"), the quiet-hours warning set apart.
 *
 * Before any account exists the card still shows, but in its set-up state: it says Ringback needs
 * setting up to call this number, and its one button opens the welcome screen instead of calling.
 */
import { neverShips } from '../build-flavour';
import { CardHost } from './card-host';
import { HOST_TAG } from './dom-rules';

export interface CardTarget {
  /** What is sent to the background (E.164, or text it normalises). */
  readonly number: string;
  /** How the card names it ("+49 221 66966966"). */
  readonly label: string;
  /** The country the call goes to, when known: named on the card where it is not the user's own. */
  readonly country?: string;
  /** An extension written after the number: the call goes to the number, the card says whom to ask for. */
  readonly extension?: string;
}

/** Where the number is and the time there, in words (src/geo/where-when-text.ts). */
export interface WhereWhenLine {
  /** "Köln, Germany · 14:32 there" */
  readonly text: string;
  /** "outside office hours", "weekend there", or ''. */
  readonly quiet: string;
}

export interface CallOutcome {
  /** What the status line says: the phase, or why the call waits for the popup's confirmation. */
  readonly text: string;
}

export type LabelKey = 'call' | 'callNumber' | 'sms' | 'smsNumber' | 'focusHint' | 'setUp' | 'setUpHint';

export interface CardOptions {
  readonly label: (key: LabelKey, number: string) => string;
  readonly call: (target: CardTarget) => Promise<CallOutcome>;
  /** Resolves to an error text, or undefined when the composer opened. */
  readonly sms: (target: CardTarget) => Promise<string | undefined>;
  /** Opens Ringback's welcome screen (no account yet); resolves to an error text or undefined. */
  readonly setUp: () => Promise<string | undefined>;
  /** Where the number is and the time there; undefined when nothing is known. */
  readonly whereWhen?: (target: CardTarget) => Promise<WhereWhenLine | undefined>;
  /** Tests without a real browser stand in for `event.isTrusted`. */
  readonly isTrusted?: (event: Event) => boolean;
  /** Tests without layout stand in for the check that the user could see what they clicked (card-host.ts). */
  readonly seen?: (event: MouseEvent, button: HTMLButtonElement) => Promise<boolean>;
  /** The card was hidden (by the user leaving it, Escape, or time running out). */
  readonly onHide?: () => void;
  /**
   * A line about the target beside the buttons: the country it calls when that is not the user's
   * own ("Netherlands"), an extension to ask for. Empty for none.
   */
  readonly details?: (target: CardTarget) => string;
}

/** Why the card is showing; it decides how it goes away again. */
export type ShowReason = 'pointer' | 'focus' | 'action';

/** Where the card sits: the number's (or link's, or selection's) box, undefined once gone. */
export type Anchor = () => DOMRect | undefined;

const HIDE_DELAY_MS = 300;
/** A card opened by a command or link stays this long after its last news, unless hovered. */
const ACTION_LINGER_MS = 5_000;

export class Card {
  readonly host: HTMLElement;
  readonly #options: CardOptions;
  readonly #card: HTMLDivElement;
  readonly #call: HTMLButtonElement;
  readonly #sms: HTMLButtonElement;
  readonly #setUp: HTMLButtonElement;
  readonly #setUpHint: HTMLSpanElement;
  readonly #where: HTMLSpanElement;
  readonly #quiet: HTMLSpanElement;
  readonly #status: HTMLSpanElement;
  readonly #details: HTMLSpanElement;
  readonly #hint: HTMLSpanElement;
  readonly #abort = new AbortController();
  readonly #guard: CardHost;
  readonly #shadow: ShadowRoot;
  #target: CardTarget | undefined;
  #anchor: Anchor | undefined;
  #lastRect: DOMRect | undefined;
  #reason: ShowReason = 'pointer';
  #returnFocus: HTMLElement | undefined;
  #smsEnabled = false;
  /** An account exists; until then the card offers setting Ringback up instead of calling. */
  #ready = true;
  /** A call request is on its way: a second click must not ring twice. Survives hiding. */
  #calling = false;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #hovered = false;

  constructor(options: CardOptions) {
    this.#options = options;
    this.host = document.createElement(HOST_TAG);
    // Closed in what ships, so page scripts cannot reach into the card (relabel the button, add a
    // style sheet); open in the builds that never ship, where the end-to-end tests find the button
    // (Playwright does not pierce closed shadow roots). The card keeps its own reference either way.
    const shadow = this.host.attachShadow({ mode: neverShips() ? 'open' : 'closed' });
    this.#shadow = shadow;
    adoptStyles(shadow, CARD_CSS);

    this.#card = document.createElement('div');
    this.#card.className = 'card';
    this.#card.setAttribute('role', 'group');
    this.#card.setAttribute('aria-label', 'Ringback');
    this.#card.hidden = true;
    this.#call = button('call');
    this.#sms = button('sms');
    this.#setUp = button('setup');
    this.#setUpHint = document.createElement('span');
    this.#setUpHint.className = 'setup-hint';
    this.#where = document.createElement('span');
    this.#where.className = 'where';
    this.#quiet = document.createElement('span');
    this.#quiet.className = 'quiet';
    this.#status = document.createElement('span');
    this.#status.className = 'status';
    this.#status.setAttribute('role', 'status');
    this.#details = document.createElement('span');
    this.#details.className = 'details';
    this.#hint = document.createElement('span');
    this.#hint.className = 'visually-hidden';
    this.#hint.setAttribute('aria-live', 'polite');
    this.#card.append(this.#call, this.#status);
    shadow.append(this.#card, this.#hint);
    document.documentElement.append(this.host);
    // In the top layer, with styles the page cannot override; clicks are checked against what showed.
    this.#guard = new CardHost(this.host, shadow, this.#card);

    const signal = this.#abort.signal;
    this.#call.addEventListener('click', (event) => this.#clicked(event, (target) => this.#startCall(target)), {
      signal,
    });
    this.#sms.addEventListener('click', (event) => this.#clicked(event, (target) => this.#startSms(target)), {
      signal,
    });
    this.#setUp.addEventListener('click', (event) => this.#clicked(event, (target) => this.#openSetUp(target)), {
      signal,
    });
    this.#card.addEventListener(
      'pointerenter',
      () => {
        this.#hovered = true;
        this.cancelHide();
      },
      { signal },
    );
    this.#card.addEventListener(
      'pointerleave',
      () => {
        this.#hovered = false;
        this.scheduleHide();
      },
      { signal },
    );
    this.#card.addEventListener('keydown', (event) => this.#key(event), { signal });
    this.#card.addEventListener('focusout', (event) => this.#focusLeft(event), { signal });
    // Escape or a press anywhere else dismisses the card; the page still gets the event.
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.visible && !event.composedPath().includes(this.host)) this.hide();
      },
      { signal, capture: true },
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (this.visible && !event.composedPath().includes(this.host)) this.hide();
      },
      { signal, capture: true, passive: true },
    );
    window.addEventListener('scroll', () => this.#placeSoon(), { signal, passive: true, capture: true });
    window.addEventListener('resize', () => this.#placeSoon(), { signal, passive: true });
  }

  get visible(): boolean {
    return !this.#card.hidden;
  }

  get reason(): ShowReason {
    return this.#reason;
  }

  /** The page element focus goes back to when the keyboard leaves the card. */
  get returnFocus(): HTMLElement | undefined {
    return this.#returnFocus;
  }

  setSms(enabled: boolean): void {
    this.#smsEnabled = enabled;
    if (this.visible) this.#showButtons();
  }

  /** Whether an account exists: the card calls, or offers to set Ringback up. */
  setReady(ready: boolean): void {
    if (ready === this.#ready) return;
    this.#ready = ready;
    if (this.visible) this.#showButtons();
  }

  /**
   * Shows the card for `target` next to `anchor`. Showing it again for the same number only
   * moves it; a call in flight keeps its status line.
   */
  show(target: CardTarget, anchor: Anchor, reason: ShowReason, returnFocus?: HTMLElement): void {
    this.cancelHide();
    const same = this.visible && this.#target?.number === target.number;
    this.#anchor = anchor;
    this.#reason = reason;
    this.#returnFocus = returnFocus;
    if (!same) {
      this.#target = target;
      this.#call.textContent = this.#options.label('call', target.label);
      this.#call.setAttribute('aria-label', this.#options.label('callNumber', target.label));
      this.#sms.textContent = this.#options.label('sms', target.label);
      this.#sms.setAttribute('aria-label', this.#options.label('smsNumber', target.label));
      this.#setUp.textContent = this.#options.label('setUp', target.label);
      this.#setUpHint.textContent = this.#options.label('setUpHint', target.label);
      this.#status.textContent = '';
      this.#details.textContent = this.#options.details?.(target) ?? '';
      this.#where.replaceChildren();
      this.#showButtons();
      void this.#describe(target);
    }
    this.#hint.textContent = reason === 'focus' ? this.#options.label('focusHint', target.label) : '';
    if (!this.visible) this.#guard.raise();
    this.#card.hidden = false;
    this.place();
    if (reason === 'action') this.#linger();
  }

  /** Places a call for the shown target as if Call was pressed (link or keyboard command). */
  async callNow(): Promise<void> {
    await this.#startCall();
  }

  focusFirst(): void {
    (this.#ready ? this.#call : this.#setUp).focus();
  }

  hide(): void {
    this.cancelHide();
    cancelAnimationFrame(this.#frame);
    const wasVisible = this.visible;
    this.#card.hidden = true;
    this.#guard.lower();
    this.#hint.textContent = '';
    this.#target = undefined;
    this.#anchor = undefined;
    this.#lastRect = undefined;
    this.#hovered = false;
    if (wasVisible) this.#options.onHide?.();
  }

  scheduleHide(delay = HIDE_DELAY_MS): void {
    if (!this.visible || this.#hovered) return;
    this.cancelHide();
    this.#hideTimer = setTimeout(() => this.#hideUnlessFocused(), delay);
  }

  cancelHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }

  /** Moves the card to its anchor; hides it when the anchor scrolled out of view. */
  place(): void {
    if (!this.visible) return;
    let rect = this.#anchor?.();
    if (!rect || (rect.width === 0 && rect.height === 0)) {
      // The page re-rendered the number's text: stay where it was until the pointer moves on.
      rect = this.#lastRect;
      if (!rect) {
        this.hide();
        return;
      }
    }
    const viewWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewHeight = window.innerHeight;
    if (rect.bottom < 0 || rect.top > viewHeight) {
      this.hide();
      return;
    }
    this.#lastRect = rect;
    const width = this.#card.offsetWidth;
    const height = this.#card.offsetHeight;
    const below = rect.bottom + 2;
    const top = below + height > viewHeight && rect.top - height - 2 >= 0 ? rect.top - height - 2 : below;
    const left = Math.max(0, Math.min(rect.left, viewWidth - width - 2));
    this.#card.style.left = `${left}px`;
    this.#card.style.top = `${top}px`;
  }

  dispose(): void {
    if (this.#abort.signal.aborted) return;
    this.#abort.abort();
    this.hide();
    this.#guard.dispose();
    this.host.remove();
  }

  #placeSoon(): void {
    if (!this.visible) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      // Scrolling moves the number out from under the pointer: the old box is no guide.
      this.#lastRect = undefined;
      this.place();
    });
  }

  #showButtons(): void {
    if (!this.#ready) {
      this.#call.remove();
      this.#sms.remove();
      this.#card.replaceChildren(this.#setUpHint, this.#setUp, this.#status, ...this.#whereLine());
      return;
    }
    this.#setUpHint.remove();
    this.#setUp.remove();
    const buttons: HTMLButtonElement[] = [this.#call];
    if (this.#smsEnabled) buttons.push(this.#sms);
    else this.#sms.remove();
    this.#card.replaceChildren(...buttons, this.#details, this.#status, ...this.#whereLine());
  }

  /** The where-and-when line, once the background told it (a line of its own under the buttons). */
  #whereLine(): HTMLElement[] {
    return this.#where.hasChildNodes() ? [this.#where] : [];
  }

  /**
   * A click acts only when it is the user's (trusted) and the user could see what they clicked:
   * a card the page hid, faded, moved off-screen or covered places no call.
   */
  #clicked(event: MouseEvent, act: (target: CardTarget | undefined) => Promise<void>): void {
    const trusted = this.#options.isTrusted ?? ((e: Event) => e.isTrusted);
    const button = event.currentTarget;
    if (!trusted(event) || !(button instanceof HTMLButtonElement)) return;
    // The number on the card when it was clicked, whatever the card shows once the check is done.
    const target = this.#target;
    const seen = this.#options.seen ?? ((e: MouseEvent, b: HTMLButtonElement) => this.#guard.honest(e, b));
    void seen(event, button).then((honest) => (honest ? act(target) : undefined));
  }

  async #startCall(target = this.#target): Promise<void> {
    // Without an account there is nothing to call with: the card shows how to set one up.
    if (!target || this.#calling || !this.#ready) return;
    this.#calling = true;
    this.#status.textContent = '…';
    let outcome: CallOutcome;
    try {
      outcome = await this.#options.call(target);
    } finally {
      this.#calling = false;
    }
    if (this.#target !== target) return;
    // The buttons stay as they are (and keep focus): after a confirmation request Call asks again.
    this.#status.textContent = outcome.text;
    this.place();
    if (this.#reason === 'action') this.#linger();
  }

  async #startSms(target = this.#target): Promise<void> {
    if (!target) return;
    const error = await this.#options.sms(target);
    if (this.#target === target) this.#status.textContent = error ?? '';
  }

  async #describe(target: CardTarget): Promise<void> {
    const line = await this.#options.whereWhen?.(target);
    if (!line || this.#target !== target) return;
    this.#quiet.textContent = line.quiet;
    this.#where.replaceChildren(line.text, ...(line.quiet ? [this.#quiet] : []));
    // Appended, not re-laid: rebuilding the card would take keyboard focus off its button.
    if (!this.#where.isConnected) this.#card.append(this.#where);
    this.place();
  }

  async #openSetUp(target = this.#target): Promise<void> {
    const error = await this.#options.setUp();
    if (this.#target === target) this.#status.textContent = error ?? '';
  }

  #linger(): void {
    this.scheduleHide(ACTION_LINGER_MS);
  }

  #hasFocus(): boolean {
    return Boolean(this.#shadow.activeElement);
  }

  #hideUnlessFocused(): void {
    if (this.#hasFocus()) {
      this.#linger();
      return;
    }
    this.hide();
  }

  #key(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.#leave();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables: Element[] = [...this.#card.querySelectorAll('button')];
    const active = this.host.shadowRoot?.activeElement;
    const index = active ? focusables.indexOf(active) : -1;
    const leaving = event.shiftKey ? index <= 0 : index >= focusables.length - 1;
    if (!leaving) return;
    // Tabbing out of the card goes back to the page where the user came from.
    event.preventDefault();
    this.#leave();
  }

  #leave(): void {
    const back = this.#returnFocus;
    this.hide();
    back?.focus({ preventScroll: true });
  }

  #focusLeft(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && this.host.shadowRoot?.contains(next)) return;
    // Checked once focus has settled: it may come straight back to the card.
    setTimeout(() => {
      if (!this.visible || this.#hasFocus()) return;
      this.scheduleHide(this.#reason === 'action' ? ACTION_LINGER_MS : HIDE_DELAY_MS);
    }, 0);
  }
}

function button(name: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = name;
  return element;
}

/** Constructable stylesheets are not inline styles: a page's CSP cannot block them. */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; display: flex; gap: 6px; align-items: center; max-width: 360px;
  font: 13px/1.3 system-ui, sans-serif; background: #fff; color: #1b1f24;
  border: 1px solid #c9d1d9; border-radius: 6px; padding: 3px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
}
.card[hidden] { display: none; }
button {
  font: inherit; cursor: pointer; border: 0; border-radius: 4px; padding: 3px 8px; white-space: nowrap;
  background: #0b6bcb; color: #fff;
}
button.sms { background: #e7eef6; color: #0b4f96; }
button:focus-visible { outline: 2px solid #0b6bcb; outline-offset: 2px; }
.status { padding: 0 4px; }
.setup-hint { padding: 0 4px; }
.card { flex-wrap: wrap; }
.where { flex-basis: 100%; padding: 0 4px 2px; font-size: 12px; color: #57606a; }
.quiet { color: #9a6700; }
.quiet::before { content: " · "; color: #57606a; }
.status:empty { display: none; }
.details { padding: 0 4px; color: #57606a; }
.details:empty { display: none; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@media (prefers-color-scheme: dark) {
  .card { background: #1f2428; color: #e6edf3; border-color: #444c56; }
  button { background: #4493f8; color: #0d1117; }
  button.sms { background: #2d333b; color: #9ecbff; }
  button:focus-visible { outline-color: #9ecbff; }
  .details { color: #9da7b3; }
  .where, .quiet::before { color: #9198a1; }
  .quiet { color: #d29922; }
}
`;
