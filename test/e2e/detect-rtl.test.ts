/**
 * Right-to-left text in real Chromium against the simulator: Arabic and Hebrew paragraphs whose
 * digit groups are shown in reverse of their DOM order (separated by spaces, or by a hyphen after
 * Arabic), and numbers shown as written inside right-to-left text (joined by a hyphen after
 * Hebrew or a slash after Arabic, after a Latin label, in an element with `dir="ltr"`). The reading a person sees is taken from the
 * browser's own layout (each digit's position on screen, left to right), and every mark, the
 * popup's list and the card's call must be that reading — never the DOM-order one, which is a
 * valid number too on this page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { numberPoint, waitFor } from '../support/extension';
import { useFonialE2e } from '../support/fonial-e2e';
import { listedNumbers, settledMarks } from '../support/page-marks';

const e2e = useFonialE2e();

/** Per mark: its text as in the DOM, and its digits in the order the page shows them. */
interface ShownMark {
  readonly text: string;
  readonly domDigits: string;
  readonly shownDigits: string;
}

/** Each highlighted range's digits sorted by where the browser draws them, left to right. */
async function shownMarks(page: Page): Promise<ShownMark[]> {
  return page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])];
    return ranges.map((range) => {
      const digits: { digit: string; left: number }[] = [];
      const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      const first = range.commonAncestorContainer;
      const nodes: Text[] = first instanceof Text ? [first] : [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text && range.intersectsNode(node)) nodes.push(node);
      }
      for (const node of nodes) {
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.data.length;
        for (let offset = from; offset < to; offset++) {
          const character = node.data[offset] ?? '';
          if (!/\d/.test(character)) continue;
          const one = document.createRange();
          one.setStart(node, offset);
          one.setEnd(node, offset + 1);
          digits.push({ digit: character, left: one.getBoundingClientRect().left });
        }
      }
      const domDigits = digits.map((d) => d.digit).join('');
      const shownDigits = [...digits]
        .sort((a, b) => a.left - b.left)
        .map((d) => d.digit)
        .join('');
      return { text: range.toString(), domDigits, shownDigits };
    });
  });
}

/** An Israeli national number (trunk `0`) as E.164. */
function israeli(nationalDigits: string): string {
  return `+972${nationalDigits.replace(/^0/, '')}`;
}

describe('numbers in right-to-left text', () => {
  it('marks and lists every number as the page shows it, never in DOM order', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('detect-rtl.html'));
    const marks = await settledMarks(page, 8);
    expect(marks).toEqual([
      { where: 'arabic', text: '0481 623 02' },
      { where: 'hebrew', text: '0455 937 08' },
      { where: 'hebrew-mobile', text: '5678 234 052' },
      { where: 'hyphenated', text: '03-761-0877' },
      { where: 'arabic-hyphen', text: '0321-850-04' },
      { where: 'arabic-slash', text: '02/6230482' },
      { where: 'latin-label', text: '03 612 0457' },
      { where: 'ltr-isolate', text: '03 612 0456' },
    ]);

    const shown = await shownMarks(page);
    // The layout really reverses the groups where the page means it (else this page would not
    // test anything), and keeps the others as written.
    expect(shown.map((mark) => mark.shownDigits === mark.domDigits)).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
      true,
      true,
    ]);

    const listed = await listedNumbers(e2e.extension, page.url());
    const callsByText = new Map(listed.map((number) => [number.text, number.e164]));
    for (const mark of shown) {
      expect(callsByText.get(mark.text), mark.text).toBe(israeli(mark.shownDigits));
      if (mark.shownDigits !== mark.domDigits) {
        expect(callsByText.get(mark.text), mark.text).not.toBe(israeli(mark.domDigits));
      }
    }
    expect(listed.map((number) => number.e164)).toEqual([
      '+97226230481',
      '+97289370455',
      '+972522345678',
      '+97237610877',
      '+97248500321',
      '+97226230482',
      '+97236120457',
      '+97236120456',
    ]);
    await page.close();
  });

  it('shows the displayed number on the card and calls it', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('detect-rtl.html')}?card`);
    const point = await numberPoint(page, '0481 623 02');
    await page.mouse.move(point.x, point.y);
    const call = page.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    expect(await call.getAttribute('aria-label')).toBe('Call +972 2 623 0481 with Ringback');
    expect(await page.locator('ringback-ui .details').textContent()).toBe('Israel');
    await call.click();
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+97226230481' })]);
    await page.close();
  });
});
