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

function makeCard(overrides: Partial<CardOptions> = {}): { card: Card; calls: string[] } {
  const calls: string[] = [];
  card = new Card({
    label: (key, number) => `${key}:${number}`,
    call: async (target) => {
      calls.push(target.number);
      return { text: 'ringing' };
    },
    sms: async () => undefined,
    setUp: async () => undefined,
    isTrusted: () => trusted,
    // happy-dom has no layout: what the user could see is checked in the browser (e2e).
    seen: async () => true,
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
  it('says which country it calls and which extension to ask for, beside the buttons', () => {
    const { card } = makeCard({
      details: (target) => [target.country ?? '', target.extension ? `ext ${target.extension}` : ''].join('|'),
    });
    card.show({ ...TARGET, country: 'NL', extension: '45' }, anchor, 'pointer');
    const details = card.host.shadowRoot?.querySelector('.details');
    expect(details?.textContent).toBe('NL|ext 45');
    expect(buttons(card).map((b) => b.className)).toEqual(['call']);
    card.hide();
    card.show(TARGET, anchor, 'pointer');
    expect(card.host.shadowRoot?.querySelector('.details')?.textContent).toBe('|');
  });

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
    expect(calls).toEqual(['+4922166966966']);
    expect(status(card)).toBe('ringing');
  });

  it('never sends a second request while the first is on its way', async () => {
    let finish: (outcome: CallOutcome) => void = () => undefined;
    const { card, calls } = makeCard({
      call: (target) => {
        calls.push(target.number);
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
    await tick();
    expect(calls).toHaveLength(1);
    finish({ text: 'ringing' });
    await tick();
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toHaveLength(2);
  });

  it('never confirms a call itself: it says why and where to confirm, and Call only asks again', async () => {
    const WAITING = 'Premium-rate number. Please confirm this call in the Ringback popup.';
    const { card, calls } = makeCard({
      call: async (target) => {
        calls.push(target.number);
        return { text: WAITING };
      },
    });
    card.setSms(true);
    card.show(TARGET, anchor, 'pointer');
    const before = buttons(card);
    before[0]?.focus();
    before[0]?.click();
    await tick();
    expect(status(card)).toBe(WAITING);
    // The same Call and SMS buttons, nothing added: no button in the page's reach confirms.
    expect(buttons(card)).toHaveLength(before.length);
    for (const [i, b] of buttons(card).entries()) expect(b).toBe(before[i]);
    expect(buttons(card).map((b) => b.className)).toEqual(['call', 'sms']);
    expect(card.host.shadowRoot?.activeElement).toBe(before[0]);

    trusted = false;
    for (const b of buttons(card)) b.click();
    await tick();
    expect(calls).toEqual(['+4922166966966']);

    trusted = true;
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual(['+4922166966966', '+4922166966966']);
    expect(status(card)).toBe(WAITING);
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

  it('before an account exists, offers setting Ringback up instead of calling, on a trusted click only', async () => {
    let setUps = 0;
    const { card, calls } = makeCard({
      setUp: async () => {
        setUps++;
        return undefined;
      },
    });
    card.setSms(true);
    card.setReady(false);
    card.show(TARGET, anchor, 'action');
    await card.callNow();
    expect(calls).toEqual([]);
    expect(buttons(card).map((b) => b.className)).toEqual(['setup']);
    expect(buttons(card)[0]?.textContent).toBe('setUp:+49 221 66966966');
    expect(card.host.shadowRoot?.querySelector('.setup-hint')?.textContent).toBe('setUpHint:+49 221 66966966');

    trusted = false;
    buttons(card)[0]?.click();
    await tick();
    expect(setUps).toBe(0);
    trusted = true;
    buttons(card)[0]?.click();
    await tick();
    expect(setUps).toBe(1);
    expect(calls).toEqual([]);

    // Once an account is saved, the same card calls.
    card.setReady(true);
    expect(buttons(card).map((b) => b.className)).toEqual(['call', 'sms']);
    buttons(card)[0]?.click();
    await tick();
    expect(calls).toEqual(['+4922166966966']);
  });

  it('shows where the number is and the time there on a line of its own, the quiet warning apart', async () => {
    const asked: string[] = [];
    const { card } = makeCard({
      whereWhen: async (target) => {
        asked.push(target.number);
        return { text: 'Cologne, Germany · 21:05 there', quiet: '<b>outside office hours</b>' };
      },
    });
    card.show(TARGET, anchor, 'pointer');
    await tick();
    const where = card.host.shadowRoot?.querySelector('.where');
    expect(where?.textContent).toBe('Cologne, Germany · 21:05 there<b>outside office hours</b>');
    expect(where?.querySelector('.quiet')?.textContent).toBe('<b>outside office hours</b>');
    expect(where?.querySelector('b')).toBeNull();
    // Showing the same number again does not ask again; another number starts blank.
    card.show(TARGET, anchor, 'pointer');
    expect(asked).toEqual(['+4922166966966']);
    card.show({ number: '+31201234567', label: '+31 20 123 4567' }, anchor, 'pointer');
    expect(card.host.shadowRoot?.querySelector('.where')).toBeNull();
  });

  it('keeps keyboard focus on its button when the where-and-when line arrives', async () => {
    let answer: (line: { text: string; quiet: string }) => void = () => undefined;
    const { card } = makeCard({ whereWhen: () => new Promise((resolve) => (answer = resolve)) });
    card.show(TARGET, anchor, 'focus');
    card.focusFirst();
    const focused = card.host.shadowRoot?.activeElement;
    expect(focused?.className).toBe('call');
    answer({ text: 'Cologne, Germany · 14:32 there', quiet: '' });
    await tick();
    expect(card.host.shadowRoot?.querySelector('.where')?.textContent).toBe('Cologne, Germany · 14:32 there');
    expect(card.host.shadowRoot?.activeElement).toBe(focused);
  });
});
