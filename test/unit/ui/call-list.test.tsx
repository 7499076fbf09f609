// @vitest-environment happy-dom
/**
 * The popup's call list and the page list's selection: what each state shows, which controls are
 * offered for which provider, and that every control has a name a screen reader can say.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallListAction, CallListView, PageNumber } from '../../../src/messages';
import { CallList } from '../../../src/ui/popup/CallList';
import { PageNumberList } from '../../../src/ui/popup/PageNumberList';
import { click, type Mounted, mount, settle, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(() => useEnglish());

afterEach(() => {
  view?.unmount();
  view = undefined;
});

const A = '+4922166966966';
const B = '+3225551212';
const C = '+31201234567';

function listView(change: Partial<CallListView>): CallListView {
  return {
    mode: 'follow',
    phase: 'in-call',
    paused: false,
    current: 0,
    pauseMs: 10_000,
    entries: [
      { number: A, outcome: 'ringing' },
      { number: B, outcome: 'pending' },
      { number: C, outcome: 'pending' },
    ],
    ...change,
  };
}

function show(list: CallListView) {
  const onAct = vi.fn<(action: CallListAction) => void>();
  view = mount(<CallList list={list} format={(n) => `#${n}`} onAct={onAct} busy={false} />);
  const buttons = () =>
    [...(view?.root.querySelectorAll('button') ?? [])].map((b) => b.getAttribute('aria-label') ?? b.textContent);
  const button = (name: string) => {
    const found = [...(view?.root.querySelectorAll('button') ?? [])].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  return { onAct, buttons, button, status: () => view?.get('.call-list-status').textContent };
}

describe('CallList', () => {
  it('shows progress, the call in progress and each outcome; Pause, Skip, Stop for a following list', async () => {
    const { buttons, button, status, onAct } = show(listView({}));
    expect(view?.get('#call-list-progress').textContent).toBe('1 of 3');
    expect(status()).toBe('Call with #+4922166966966. The next call follows when it has ended.');
    expect(view?.get('[role=status]')).toBeDefined();
    expect(buttons()).toEqual(['Pause the call list', 'Skip #+3225551212', 'Stop the call list']);
    expect([...(view?.root.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '#+4922166966966 Rang your phone',
      '#+3225551212 Not called yet',
      '#+31201234567 Not called yet',
    ]);
    await click(button('Pause the call list'));
    await click(button('Skip #+3225551212'));
    await click(button('Stop the call list'));
    expect(onAct.mock.calls.map(([action]) => action)).toEqual(['pause', 'skip', 'stop']);
  });

  it('counts down to the next call, and offers Resume once paused', () => {
    const nextAt = Date.now() + 8_000;
    const waiting = show(
      listView({
        phase: 'waiting',
        nextAt,
        entries: [{ number: A, outcome: 'ended' }, ...listView({}).entries.slice(1)],
      }),
    );
    expect(waiting.status()).toMatch(/^Next call in [78] s: #\+3225551212$/);
    view?.unmount();
    const paused = show(listView({ phase: 'waiting', paused: true }));
    expect(paused.status()).toBe('Paused. Next: #+3225551212');
    expect(paused.buttons()[0]).toBe('Resume the call list');
  });

  it('says the countdown once to a screen reader instead of on every tick', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      show(listView({ phase: 'waiting', nextAt: Date.now() + 8_000 }));
      const spoken = () => view?.get('[role=status]').textContent;
      expect(spoken()).toBe('Next call in 8 s: #+3225551212');
      vi.advanceTimersByTime(3_000);
      await settle();
      expect(view?.get('.call-list-status').textContent).toBe('Next call in 5 s: #+3225551212');
      expect(spoken()).toBe('Next call in 8 s: #+3225551212');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers Next, not Pause, where the provider cannot tell when a call ended', async () => {
    const { buttons, button, status, onAct } = show(listView({ mode: 'next', phase: 'ready' }));
    expect(status()).toBe('Press Next to call #+3225551212.');
    expect(buttons()).toEqual(['Call #+3225551212 next', 'Skip #+3225551212', 'Stop the call list']);
    await click(button('Call #+3225551212 next'));
    expect(onAct).toHaveBeenCalledWith('next');
  });

  it('keeps the pressed button in place while its action is on its way, so keyboard focus stays', async () => {
    const onAct = vi.fn<(action: CallListAction) => void>();
    view = mount(<CallList list={listView({})} format={(n) => `#${n}`} onAct={onAct} busy={true} />);
    const pause = view.get('button[aria-label="Pause the call list"]') as HTMLButtonElement;
    expect(pause.disabled).toBe(false);
    expect(pause.getAttribute('aria-disabled')).toBe('true');
    await click(pause);
    expect(onAct).not.toHaveBeenCalled();
    view.unmount();
    // Next stays (waiting) while the call it placed goes out: a second press places nothing.
    const placing = show(listView({ mode: 'next', phase: 'placing', current: 1 }));
    expect(placing.buttons()).toContain('Call #+31201234567 next');
    await click(placing.button('Call #+31201234567 next'));
    expect(placing.onAct).not.toHaveBeenCalled();
  });

  it('asks before a number that needs confirmation: call anyway, skip or stop', async () => {
    const { buttons, button, onAct } = show(
      listView({ phase: 'confirm', current: 1, confirmReason: 'confirmReasonPremium' }),
    );
    expect(view?.get('[role=alert]').textContent).toContain('Call #+3225551212?');
    expect(buttons()).toEqual(['Call now', 'Skip #+3225551212', 'Stop the call list']);
    await click(button('Call now'));
    expect(onAct).toHaveBeenCalledWith('confirm');
  });

  it('says why a list ended, and offers only Close', () => {
    const unknown = show(listView({ phase: 'done', end: 'unknown' }));
    expect(unknown.status()).toContain('the outcome of the last call is unknown');
    expect(unknown.buttons()).toEqual(['Close the call list']);
  });
});

describe('selecting page numbers for a call list', () => {
  const numbers: PageNumber[] = [
    { e164: A, international: '+49 221 66966966', text: '0221 66966966' },
    { e164: B, international: '+32 2 555 12 12', text: '+32 2 555 12 12' },
  ];

  it('starts a list with the ticked numbers, in page order; Select all ticks every one', async () => {
    const onStartList = vi.fn<(listed: readonly PageNumber[]) => void>();
    view = mount(
      <PageNumberList numbers={numbers} canSms={false} onCall={vi.fn()} onSms={vi.fn()} onStartList={onStartList} />,
    );
    const start = () =>
      [...(view?.root.querySelectorAll('button') ?? [])].find((b) => b.textContent?.startsWith('Call selected'));
    expect(start()?.textContent).toBe('Call selected in turn (0)');
    expect(start()?.disabled).toBe(true);
    await click(view.get('input[aria-label="Add +32 2 555 12 12 to the call list"]'));
    expect(start()?.textContent).toBe('Call selected in turn (1)');
    await click(view.get('label.choice input'));
    expect(start()?.textContent).toBe('Call selected in turn (2)');
    await click(start() as HTMLElement);
    expect(onStartList).toHaveBeenCalledWith(numbers);
  });

  it('offers no selection while a list cannot start', () => {
    view = mount(<PageNumberList numbers={numbers} canSms={false} onCall={vi.fn()} onSms={vi.fn()} />);
    expect(view.root.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
  });
});
