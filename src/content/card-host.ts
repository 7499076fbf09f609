/**
 * The card's host element as a hostile page meets it. The page owns the DOM the host lives in: it
 * can style the host, cover it, make it transparent or move it off-screen, and then talk the user
 * into clicking where the card is ("click here to win"), so that a real, trusted click places a
 * call the user never meant. Two defences:
 *
 * - The host sits in the browser's top layer (`popover="manual"`, raised each time the card shows),
 *   above everything the page has in normal flow, with inline `!important` styles, which beat any
 *   page stylesheet, `!important` and cascade layers included, and `all: initial` so nothing is
 *   inherited from the page. In production builds its shadow root is closed: no page script can
 *   reach into the card to relabel the button.
 * - At click time, `honest` checks what the user could actually see: the button is rendered
 *   (checkVisibility with opacity and visibility), fully inside the viewport and of a readable size,
 *   nothing between it and the top layer (nor the page's root) fades, masks, clips or transforms it
 *   or filters it toward invisible (colour filters such as a dark mode's are fine), the host's
 *   own styles are still ours, the point clicked is on our button and the topmost element there is
 *   our host, and no other top-layer element (a page's popover or dialog shown later, even one that
 *   lets clicks through) overlaps the card. Where the browser has IntersectionObserver v2
 *   (Chromium), its occlusion-aware `isVisible` must agree too.
 */

import { keepsContrast, type Look, throughFilter, UNFILTERED } from './filter-look';

/** Below this, the card is too small or faint to have been read. */
const MIN_OPACITY = 0.95;
const MIN_BUTTON_PX = 12;
/** IntersectionObserver v2's smallest allowed delay between visibility reports. */
const VISIBILITY_DELAY_MS = 100;
/** How long a click waits for the first visibility report after the card appeared. */
const FIRST_REPORT_WAIT_MS = 400;

/** The host's own styles, each `!important` inline; `all: initial` comes first. */
const HOST_CSS = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'opacity: 1',
  'visibility: visible',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'mask: none',
  'mix-blend-mode: normal',
  'z-index: 2147483647',
  'pointer-events: auto',
]
  .map((declaration) => `${declaration} !important;`)
  .join(' ');

type VisibilityEntry = IntersectionObserverEntry & { readonly isVisible?: boolean };

export class CardHost {
  readonly #host: HTMLElement;
  /** The host's shadow root, closed in production builds: `host.shadowRoot` is then null. */
  readonly #shadow: ShadowRoot;
  readonly #card: HTMLElement;
  #style = '';
  readonly #observer: IntersectionObserver | undefined;
  /** IntersectionObserver v2's last word on the card: undefined until it reported for this showing. */
  #seen: boolean | undefined;
  #reported: (() => void) | undefined;

  constructor(host: HTMLElement, shadow: ShadowRoot, card: HTMLElement) {
    this.#host = host;
    this.#shadow = shadow;
    this.#card = card;
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    this.#pin();
    this.#observer = visibilityObserver((visible) => {
      this.#seen = visible;
      this.#reported?.();
    });
    this.#observer?.observe(card);
  }

  /** Puts the host on top of the top layer (again): whatever the page showed meanwhile is now below it. */
  raise(): void {
    this.#pin();
    this.#seen = undefined;
    if (typeof this.#host.showPopover !== 'function' || !this.#host.isConnected) return;
    if (this.#host.matches(':popover-open')) this.#host.hidePopover();
    this.#host.showPopover();
  }

  lower(): void {
    if (typeof this.#host.hidePopover === 'function' && this.#host.matches(':popover-open')) this.#host.hidePopover();
  }

  dispose(): void {
    this.#observer?.disconnect();
  }

  /**
   * Whether the user could see `button`, unhidden and uncovered, when they clicked it. A click
   * from the keyboard (no pointer position) is checked at the button's centre.
   */
  async honest(event: MouseEvent, button: HTMLElement): Promise<boolean> {
    if (!this.#seenNow(event, button)) return false;
    if (!this.#observer) return true;
    // Chromium reports occlusion at most every 100 ms: a click right after the card appeared waits
    // for the first report; the report must say the card was visible.
    if (this.#seen === undefined) await this.#nextReport();
    return this.#seen === true;
  }

  #seenNow(event: MouseEvent, button: HTMLElement): boolean {
    const host = this.#host;
    if (!host.isConnected || host.getAttribute('style') !== this.#style) return false;
    if (typeof host.showPopover === 'function' && !host.matches(':popover-open')) return false;
    const visible = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true };
    if (!button.checkVisibility(visible) || !this.#card.checkVisibility(visible)) return false;

    const rect = button.getBoundingClientRect();
    const card = this.#card.getBoundingClientRect();
    if (rect.width < MIN_BUTTON_PX || rect.height < MIN_BUTTON_PX || !inViewport(card)) return false;
    if (!this.#chainUntouched(button)) return false;

    const fromKeyboard = event.detail === 0 && event.clientX === 0 && event.clientY === 0;
    const x = fromKeyboard ? rect.left + rect.width / 2 : event.clientX;
    const y = fromKeyboard ? rect.top + rect.height / 2 : event.clientY;
    if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) return false;
    if (document.elementFromPoint(x, y) !== host) return false;
    const inside = this.#shadow.elementFromPoint(x, y);
    if (!inside || !(inside === button || button.contains(inside))) return false;
    return !this.#overlapped(card);
  }

  /**
   * Nothing from the button up fades, masks, clips, blends or moves it, or filters it toward
   * invisible (a colour filter is fine: filter-look.ts): up to the host when the host is in the top
   * layer (the page's elements above it no longer paint it), else up to the document's root. Our
   * own shadow tree is checked too: where it is open (builds that never ship) the page can edit it.
   * The root's own opacity and filter count either way: Firefox paints the top layer through them
   * (Chromium does not).
   */
  #chainUntouched(button: HTMLElement): boolean {
    const top = this.#host.matches(':popover-open') ? this.#host : undefined;
    let opacity = 1;
    let look: Look | undefined = UNFILTERED;
    for (let node: Element | null = button; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      opacity *= Number.parseFloat(style.opacity) || 0;
      look = throughFilter(look, style.filter);
      if (!look || style.visibility !== 'visible' || style.display === 'none') return false;
      if (style.transform !== 'none' || style.clipPath !== 'none') return false;
      if ((style.maskImage || 'none') !== 'none' || style.mixBlendMode !== 'normal') return false;
      if (node === top) break;
    }
    if (top) {
      const root = getComputedStyle(document.documentElement);
      opacity *= Number.parseFloat(root.opacity) || 0;
      look = throughFilter(look, root.filter);
    }
    return look !== undefined && opacity * look.alpha >= MIN_OPACITY && keepsContrast(look);
  }

  /** Another top-layer element over the card: a page's popover, modal dialog or full-screen element. */
  #overlapped(card: DOMRect): boolean {
    const others = document.querySelectorAll(':popover-open, dialog[open], :fullscreen');
    for (const other of others) {
      if (other === this.#host || other.contains(this.#host)) continue;
      const style = getComputedStyle(other);
      // Shown before ours, a dialog or popover is below the card; one that lets clicks through
      // while it covers the card can only be there to hide what is clicked.
      if (style.pointerEvents === 'none' && intersects(other.getBoundingClientRect(), card)) return true;
    }
    return false;
  }

  #nextReport(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#reported = undefined;
        resolve();
      };
      const timer = setTimeout(done, FIRST_REPORT_WAIT_MS);
      this.#reported = done;
    });
  }

  /**
   * Our styles, again when a page script rewrote the host's style attribute. Written in one go and
   * only when changed: a page watching its DOM sees one change of the host, not one per property.
   */
  #pin(): void {
    if (this.#style !== '' && this.#host.getAttribute('style') === this.#style) return;
    this.#host.style.cssText = HOST_CSS;
    this.#style = this.#host.getAttribute('style') ?? '';
  }
}

/** IntersectionObserver v2 where the browser has it (its `isVisible` accounts for occlusion). */
function visibilityObserver(report: (visible: boolean) => void): IntersectionObserver | undefined {
  if (typeof IntersectionObserver !== 'function') return undefined;
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return undefined;
  return new IntersectionObserver(
    (entries) => {
      const last = entries.at(-1) as VisibilityEntry | undefined;
      if (last) report(last.isIntersecting && last.isVisible === true);
    },
    { trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
  );
}

/** The next element up the flat tree: through a shadow root to its host. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function inViewport(rect: DOMRect): boolean {
  const width = document.documentElement.clientWidth || window.innerWidth;
  return rect.left >= 0 && rect.top >= 0 && rect.right <= width && rect.bottom <= window.innerHeight;
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
