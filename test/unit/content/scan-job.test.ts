// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { blockContainerOf } from '../../../src/content/dom-rules';
import { type Run, ScanJob } from '../../../src/content/scan-job';

function runsOf(job: ScanJob): string[] {
  const texts: string[] = [];
  for (let step = job.next(() => false); step !== 'done'; step = job.next(() => false)) {
    if (step !== 'yield') texts.push(step.text);
  }
  return texts;
}

function subtree(root: Node, found: ShadowRoot[] = []): ScanJob {
  return ScanJob.subtree(root, { onShadowRoot: (r) => found.push(r) });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('ScanJob', () => {
  it('joins text across inline elements within a block, and splits at blocks', () => {
    document.body.innerHTML = `
      <table><tr><td>Tel. <b>0221</b> <span>669669</span>-<i>66</i></td><td>Köln</td></tr></table>
      <div>Zentrale<div>030 1234567</div>Fax</div>`;
    const runs = runsOf(subtree(document.body))
      .map((t) => t.trim())
      .filter(Boolean);
    expect(runs).toEqual(['Tel. 0221 669669-66', 'Köln', 'Zentrale', '030 1234567', 'Fax']);
  });

  it('breaks the line at <br> and at elements that are not text', () => {
    document.body.innerHTML = '<p>0221<br>66966966</p><p>0221<img alt="">66966966</p>';
    expect(runsOf(subtree(document.body))).toEqual(['0221', '66966966', '0221', '66966966']);
  });

  it('never enters editable, hidden, form, code or script regions, or Ringback’s own UI', () => {
    document.body.innerHTML = `
      <p>seen 1</p>
      <div contenteditable="true">note 0221 1111111</div>
      <div contenteditable="plaintext-only">note 0221 2222222</div>
      <div contenteditable="false">seen 2</div>
      <div hidden>hidden 0221 3333333</div>
      <textarea>draft 0221 4444444</textarea>
      <select><option>0221 5555555</option></select>
      <script>var n = "0221 6666666";</script>
      <style>.x::after { content: "0221 7777777" }</style>
      <noscript>0221 8888888</noscript>
      <template><p>0221 9999999</p></template>
      <code>0221 1212121</code>
      <ringback-ui>0221 1313131</ringback-ui>
      <p>seen 3</p>`;
    const runs = runsOf(subtree(document.body))
      .map((t) => t.trim())
      .filter(Boolean);
    expect(runs).toEqual(['seen 1', 'seen 2', 'seen 3']);
  });

  it('reports open shadow roots it passes, for their own walk', () => {
    document.body.innerHTML = '<div id="host"></div><p>after</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside 0221 66966966</p>';
    const found: ShadowRoot[] = [];
    expect(runsOf(subtree(document.body, found))).toEqual(['after']);
    expect(found).toEqual([shadow]);
    expect(runsOf(subtree(shadow))).toEqual(['inside 0221 66966966']);
  });

  it('rescans only the line around a changed text node, even in a huge block', () => {
    document.body.innerHTML = `<div id="block"><p>before</p>Tel. <b id="b">0221</b> 66966966<p>after</p></div>`;
    const changed = document.getElementById('b')?.firstChild as Text;
    const container = blockContainerOf(changed) as Node;
    const job = ScanJob.around(changed, container, { onShadowRoot: () => undefined });
    expect(runsOf(job)).toEqual(['Tel. 0221 66966966']);
  });

  it('pauses when time is up and resumes where it stopped', () => {
    // Runs come back one at a time; the clock is read every few dozen nodes in between.
    const rows = Array.from({ length: 200 }, (_, i) => `<tr><td>${'<br>'.repeat(40)}Row ${i}</td></tr>`).join('');
    document.body.innerHTML = `<table>${rows}</table>`;
    const job = subtree(document.body);
    const texts: string[] = [];
    let yields = 0;
    let calls = 0;
    for (let step = job.next(() => ++calls % 3 === 0); step !== 'done'; step = job.next(() => ++calls % 3 === 0)) {
      if (step === 'yield') yields++;
      else texts.push((step as Run).text);
    }
    expect(yields).toBeGreaterThan(5);
    expect(texts).toHaveLength(200);
    expect(texts[199]).toBe('Row 199');
  });

  it('goes on from the nearest ancestor still on the page when the page removed where it paused', () => {
    const rows = (prefix: string) =>
      Array.from({ length: 100 }, (_, i) => `<tr><td>${'<br>'.repeat(40)}${prefix}${i}</td></tr>`).join('');
    document.body.innerHTML = `<table><tbody id="rows">${rows('old')}</tbody></table>`;
    const job = subtree(document.body);
    const texts: string[] = [];
    let step = job.next(() => true);
    for (let guard = 0; step !== 'yield' && step !== 'done' && guard < 1_000; guard++) {
      texts.push(step.text);
      step = job.next(() => true);
    }
    expect(step).toBe('yield');
    // The page re-renders every row while the walk is paused in one of them.
    (document.getElementById('rows') as HTMLElement).innerHTML = rows('new');
    texts.push(...runsOf(job));
    expect(texts).toContain('new99');
    expect(texts).not.toContain('old99');
  });
});
