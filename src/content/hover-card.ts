/**
 * The one piece of UI Ringback adds to a page: a host element at the document root whose shadow
 * root holds a small card with a Call button, placed next to the number under the pointer.
 * Only trusted clicks act: a page script calling `button.click()` places no call.
 */
import type { FoundNumber, PageNumbers } from './page-numbers';

export const HOST_TAG = 'ringback-ui';
const HIDE_DELAY_MS = 300;

export interface HoverCardOptions {
  readonly numbers: PageNumbers;
  readonly onCall: (found: FoundNumber) => Promise<string>;
  readonly label: (key: 'call' | 'callNumber', number: string) => string;
}

export class HoverCard {
  readonly host: HTMLElement;
  readonly #card: HTMLDivElement;
  readonly #button: HTMLButtonElement;
  readonly #status: HTMLSpanElement;
  #current: FoundNumber | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  readonly #abort = new AbortController();

  constructor(private readonly options: HoverCardOptions) {
    this.host = document.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    this.#card = document.createElement('div');
    this.#card.className = 'card';
    this.#card.hidden = true;
    this.#button = document.createElement('button');
    this.#button.type = 'button';
    this.#status = document.createElement('span');
    this.#status.className = 'status';
    this.#status.setAttribute('role', 'status');
    this.#card.append(this.#button, this.#status);
    shadow.append(style, this.#card);
    document.documentElement.append(this.host);

    const signal = this.#abort.signal;
    this.#button.addEventListener('click', (event) => this.#click(event), { signal });
    this.#card.addEventListener('pointerenter', () => this.#cancelHide(), { signal });
    this.#card.addEventListener('pointerleave', () => this.#scheduleHide(), { signal });
    document.addEventListener('pointermove', (event) => this.#track(event), { signal, passive: true, capture: true });
    window.addEventListener('scroll', () => this.#place(), { signal, passive: true, capture: true });
  }

  dispose(): void {
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#hideTimer);
    this.host.remove();
  }

  #track(event: PointerEvent): void {
    if (event.composedPath().includes(this.host)) return;
    const { clientX, clientY } = event;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const found = this.#numberAt(clientX, clientY);
      if (found) this.#show(found);
      else if (this.#current) this.#scheduleHide();
    });
  }

  #numberAt(x: number, y: number): FoundNumber | undefined {
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    const found = this.options.numbers.at(caret.node, caret.offset);
    if (!found) return undefined;
    // The caret snaps to the nearest text; only count it when the pointer is really on the number.
    const inside = [...found.range.getClientRects()].some(
      (r) => x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2,
    );
    return inside ? found : undefined;
  }

  #show(found: FoundNumber): void {
    this.#cancelHide();
    if (this.#current !== found) {
      this.#current = found;
      const number = found.match.international;
      this.#button.textContent = this.options.label('call', number);
      this.#button.setAttribute('aria-label', this.options.label('callNumber', number));
      this.#status.textContent = '';
    }
    this.#card.hidden = false;
    this.#place();
  }

  #place(): void {
    const current = this.#current;
    if (!current || this.#card.hidden) return;
    const rect = current.range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) {
      this.#hide();
      return;
    }
    this.#card.style.left = `${Math.max(0, rect.left)}px`;
    this.#card.style.top = `${rect.bottom + 2}px`;
  }

  async #click(event: MouseEvent): Promise<void> {
    const current = this.#current;
    if (!event.isTrusted || !current) return;
    this.#status.textContent = '…';
    this.#status.textContent = await this.options.onCall(current);
  }

  #scheduleHide(): void {
    this.#cancelHide();
    this.#hideTimer = setTimeout(() => this.#hide(), HIDE_DELAY_MS);
  }

  #cancelHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }

  #hide(): void {
    this.#card.hidden = true;
    this.#current = undefined;
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; display: flex; gap: 6px; align-items: center;
  font: 13px/1.3 system-ui, sans-serif; background: #fff; color: #1b1f24;
  border: 1px solid #c9d1d9; border-radius: 6px; padding: 3px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
}
.card[hidden] { display: none; }
button {
  font: inherit; cursor: pointer; border: 0; border-radius: 4px; padding: 3px 8px;
  background: #0b6bcb; color: #fff;
}
button:focus-visible { outline: 2px solid #0b6bcb; outline-offset: 2px; }
.status:empty { display: none; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2428; color: #e6edf3; border-color: #444c56; }
  button { background: #4493f8; color: #0d1117; }
}
`;
