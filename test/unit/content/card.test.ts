// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type CallOutcome, Card, type CardOptions, type CardTarget } from '../../../src/content/card';

const TARGET: CardTarget = { number: '+4922166966966', label: '+49 221 66966966' };
const anchor = () => new DOMRect(10, 10, 100, 16);

let card: Card | undefined;
let trusted = true;

afterEach(() => {
  card?.dispose();
  card = undefined;
  trusted = true;
});

function makeCard(overrides: Partial<CardOptions> = {}): { card: Card; calls: [string, boolean][] } {
  const calls: [string, boolean][] = [];
  card = new Card({
    label: (key, number) => `${key}:${number}`,
    call: async (target, confirmed) => {
      calls.push([target.number, confirmed]);
      return { text: 'ringing', confirm: false };
    },
    sms: async () => undefined,
    isTrusted: () => trusted,
    ...overrides,
  });
  return { card, calls };
}

function buttons(c: Card): HTMLButtonElement[] {
  return [...(c.host.shadowRoot?.querySelectorAll('button') ?? [])];
}

function status(c: Card): string {
  return c.host.shadowRoot?.querySelector('[role=status]')?.textContent ?? '';
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Card', () => {
  it('lives in one host element at the document root, outside the page’s body', () => {
    const { card } = makeCard();
    expect(card.host.parentNode).toBe(document.documentElement);
    expect(document.body.contains(card.host)).toBe(false);
  });

  it('offers one Call button labelled with the number, and SMS only when the provider can send one', () => {
    const { card } = makeCard();
    card.show(TARGET, anchor, 'pointer');
    expect(buttons(card).map((b) => b.textContent)).toEqual(['call:+49 221 66966966']);
    expect(buttons(card)[0]?.getAttribute('aria-label')).toBe('callNumber:+49 221 66966966');
    card.setSms(true);
    expect(buttons(card).map((b) => b.getAttribute('aria-label'))).toEqual([
      'callNumber:+49 221 66966966',
      'smsNumber:+49 221 66966966',
    ]);
  });

  it('places a call only for a trusted click', async () => {
    const { card, calls } = makeCard();
    card.show(TARGET, anchor, 'pointer');
    trusted = false;
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual([]);
    trusted = true;
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual([['+4922166966966', false]]);
    expect(status(card)).toBe('ringing');
  });

  it('never sends a second request while the first is on its way', async () => {
    let finish: (outcome: CallOutcome) => void = () => undefined;
    const { card, calls } = makeCard({
      call: (target, confirmed) => {
        calls.push([target.number, confirmed]);
        return new Promise((resolve) => {
          finish = resolve;
        });
      },
    });
    card.show(TARGET, anchor, 'pointer');
    buttons(card)[0]?.click();
    buttons(card)[0]?.click();
    card.hide();
    card.show(TARGET, anchor, 'pointer');
    buttons(card)[0]?.click();
    expect(calls).toHaveLength(1);
    finish({ text: 'ringing', confirm: false });
    await tick();
    buttons(card)[0]?.click();
    expect(calls).toHaveLength(2);
  });

  it('asks to confirm with "Call anyway", and confirms only on another trusted click', async () => {
    const { card, calls } = makeCard({
      call: async (target, confirmed) => {
        calls.push([target.number, confirmed]);
        return confirmed ? { text: 'ringing', confirm: false } : { text: 'Premium-rate number.', confirm: true };
      },
    });
    card.show(TARGET, anchor, 'pointer');
    buttons(card)[0]?.click();
    await tick();
    expect(status(card)).toBe('Premium-rate number.');
    expect(buttons(card).map((b) => b.textContent)).toEqual(['callAnyway:+49 221 66966966']);

    trusted = false;
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual([['+4922166966966', false]]);

    trusted = true;
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual([
      ['+4922166966966', false],
      ['+4922166966966', true],
    ]);
    expect(status(card)).toBe('ringing');
    expect(buttons(card).map((b) => b.textContent)).toEqual(['call:+49 221 66966966']);
  });

  it('shows page text as text, never as markup', () => {
    const { card } = makeCard();
    card.show({ number: '<img src=x onerror=alert(1)>', label: '<img src=x onerror=alert(1)>' }, anchor, 'action');
    expect(card.host.shadowRoot?.querySelector('img')).toBeNull();
    expect(buttons(card)[0]?.textContent).toBe('call:<img src=x onerror=alert(1)>');
  });

  it('tells its owner when it hides, and disposing removes the host', () => {
    let hidden = 0;
    const { card } = makeCard({ onHide: () => hidden++ });
    card.show(TARGET, anchor, 'action');
    card.hide();
    card.hide();
    expect(hidden).toBe(1);
    card.dispose();
    expect(card.host.isConnected).toBe(false);
  });
});
