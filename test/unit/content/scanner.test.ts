// @vitest-environment happy-dom
/**
 * The scanner and observer together on a live DOM: what gets marked, and how marks follow the
 * page as it changes. happy-dom has no Highlight API, so a Set-based stand-in is installed.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdleEnvironment } from '../../../src/content/idle';
import { PageObserver } from '../../../src/content/observer';
import { PageNumbers } from '../../../src/content/page-numbers';
import { Scanner } from '../../../src/content/scanner';

beforeAll(() => {
  const g = globalThis as unknown as { Highlight?: unknown };
  g.Highlight ??= class extends Set<AbstractRange> {};
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: new Map() }, configurable: true });
});

/** Idle callbacks the test runs by hand, each with plenty of time. */
function manualIdle() {
  const queue: ((deadline: IdleDeadline) => void)[] = [];
  const env: IdleEnvironment = {
    now: () => performance.now(),
    requestIdle: (callback) => queue.push(callback),
    cancelIdle: () => queue.splice(0),
    setTimer: () => 0,
    clearTimer: () => undefined,
  };
  return {
    env,
    drain() {
      for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
        queue.shift()?.({ didTimeout: false, timeRemaining: () => 50 } as IdleDeadline);
      }
    },
  };
}

let numbers: PageNumbers;
let scanner: Scanner;
let observer: PageObserver;
let idle: ReturnType<typeof manualIdle>;

function marked(): string[] {
  return [...numbers.all()].map((f) => f.text);
}

/** Lets MutationObserver records arrive, then runs the scanner until it is idle. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  idle.drain();
}

beforeEach(() => {
  document.body.innerHTML = '';
  idle = manualIdle();
  numbers = new PageNumbers();
  scanner = new Scanner({
    numbers,
    defaultCountry: 'DE',
    onShadowRoot: (root) => observer.observe(root),
    idle: { env: idle.env },
  });
  observer = new PageObserver(scanner, numbers);
  observer.observe(document);
});

afterEach(() => {
  scanner.stop();
  observer.disconnect();
  numbers.dispose();
});

function start(html: string): void {
  document.body.innerHTML = html;
  scanner.queue(document.body);
  idle.drain();
}

describe('Scanner', () => {
  it('marks numbers, including one written across inline elements, as ranges over the page’s own text', () => {
    start(`<table><tr><td id="a">Tel. 0221 66966966</td></tr>
      <tr><td id="b"><b>0221</b> <span>669669</span>-<i>77</i></td></tr></table>`);
    expect(marked()).toEqual(['0221 66966966', '0221 669669-77']);
    const split = [...numbers.all()][1];
    expect(split?.range.toString()).toBe('0221 669669-77');
    expect(split?.nodes).toHaveLength(5);
    expect(split?.match.e164).toBe('+4922166966977');
  });

  it('leaves editable notes, form fields and hidden parts unmarked', () => {
    start(`<div contenteditable="true">Rückruf 0171 2345678</div><textarea>0221 66966966</textarea>
      <div hidden>0221 66966967</div><p>Tel. 0221 66966968</p>`);
    expect(marked()).toEqual(['0221 66966968']);
  });

  it('finds the same numbers however often a region is rescanned', () => {
    start('<p id="p">Tel. 0221 66966966</p>');
    const p = document.getElementById('p') as HTMLElement;
    scanner.queue(p);
    scanner.queue(p.firstChild as Text);
    scanner.queue(document.body);
    idle.drain();
    expect(marked()).toEqual(['0221 66966966']);
  });

  it('drops a number the moment its text changes, and marks the new text once scanned', async () => {
    start('<p id="p">Tel. 0221 66966966</p>');
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'Tel. 0221 12345678';
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(marked()).toEqual([]);
    idle.drain();
    expect(marked()).toEqual(['0221 12345678']);
  });

  it('forgets numbers whose rows were removed, and marks rows added later (infinite scroll)', async () => {
    start('<table><tbody id="rows"><tr><td>0221 66966966</td></tr><tr><td>0221 66966967</td></tr></tbody></table>');
    const rows = document.getElementById('rows') as HTMLElement;
    rows.firstElementChild?.remove();
    for (let i = 0; i < 3; i++) {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>Lead</td><td>0221 7000000${i}</td>`;
      rows.append(tr);
    }
    await settle();
    expect(marked().sort()).toEqual(['0221 66966967', '0221 70000000', '0221 70000001', '0221 70000002']);
  });

  it('joins text that a page splits into pieces later', async () => {
    start('<p id="p"><b>0221</b></p>');
    expect(marked()).toEqual([]);
    document.getElementById('p')?.append(' 66966966');
    await settle();
    expect(marked()).toEqual(['0221 66966966']);
  });

  it('scans and observes open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Tel. 0211 5556677</p>';
    scanner.queue(document.body);
    idle.drain();
    expect(marked()).toEqual(['0211 5556677']);
    const late = document.createElement('p');
    late.textContent = 'Durchwahl 0211 5556688';
    shadow.append(late);
    await settle();
    expect(marked()).toEqual(['0211 5556677', '0211 5556688']);
  });

  it('unmarks a region that becomes hidden or editable, and marks it again when it comes back', async () => {
    start('<div id="box"><p>Tel. 0221 66966966</p></div>');
    const box = document.getElementById('box') as HTMLElement;
    box.hidden = true;
    await settle();
    expect(marked()).toEqual([]);
    box.hidden = false;
    await settle();
    expect(marked()).toEqual(['0221 66966966']);
    box.setAttribute('contenteditable', 'true');
    await settle();
    expect(marked()).toEqual([]);
  });

  it('forgets everything when told to read numbers for another country', () => {
    start('<p>Tel. 020 1234 5678</p>');
    const before = [...numbers.all()].map((f) => f.match.e164);
    scanner.rescan(document.body, 'GB');
    idle.drain();
    const after = [...numbers.all()].map((f) => f.match.e164);
    expect(after).toEqual(['+442012345678']);
    expect(before).not.toEqual(after);
    // What the pointer finds on that text is the new reading too.
    const text = [...numbers.all()][0]?.nodes[0] as Text;
    expect(numbers.at(text, 8)?.match.e164).toBe('+442012345678');
  });
});
