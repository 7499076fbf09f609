/**
 * `tel:`, `callto:` and `sip:` links call through Ringback instead of the operating system's
 * handler (when the setting is on). Listens at the window in the bubbling phase: a page that
 * handles the click itself (calls preventDefault, or stops it) keeps its own behaviour. Only
 * trusted clicks count; the link's number is normalised through src/phone, and a link whose
 * number it cannot read is left alone.
 */
import { type CountryCode, type PhoneNumber, parseDialInput } from '../phone';
import { isElement } from './dom-rules';
import { parseCallLink } from './link-number';

export interface LinkOptions {
  /** Read at click time: settings change live. */
  readonly active: () => { readonly enabled: boolean; readonly defaultCountry: CountryCode };
  /** `extension`: one written in the link (`;ext=45`): the call goes to the number. */
  readonly call: (number: PhoneNumber, link: Element, extension: string | undefined) => void;
}

export class LinkInterceptor {
  readonly #abort = new AbortController();

  constructor(private readonly options: LinkOptions) {
    window.addEventListener('click', (event) => this.#clicked(event), { signal: this.#abort.signal });
  }

  dispose(): void {
    this.#abort.abort();
  }

  #clicked(event: MouseEvent): void {
    if (!event.isTrusted || event.defaultPrevented || event.button !== 0) return;
    const { enabled, defaultCountry } = this.options.active();
    if (!enabled) return;
    const link = event.composedPath().find(isLink);
    if (!link) return;
    const href = hrefOf(link);
    const parsed = href ? parseCallLink(href) : undefined;
    if (!parsed) return;
    const dial = parseDialInput(parsed.number, { defaultCountry });
    if (!dial.ok) return;
    event.preventDefault();
    this.options.call(dial.number, link, parsed.extension ?? dial.extension);
  }
}

function isLink(target: EventTarget): target is Element {
  return (
    target instanceof Node &&
    isElement(target) &&
    (target.localName === 'a' || target.localName === 'area') &&
    (target.hasAttribute('href') || target.hasAttribute('xlink:href'))
  );
}

function hrefOf(link: Element): string | undefined {
  return link.getAttribute('href') ?? link.getAttribute('xlink:href') ?? undefined;
}
