/**
 * The address bar keyword `call`: what it suggests (Chrome's XML descriptions with page text escaped,
 * Firefox's plain text), and that Enter calls through the background like the popup, confirmation
 * rules included.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSuggestions, escapeXml, type SuggestionSources } from '../../../src/background/omnibox-suggestions';
import { setGeoSource } from '../../../src/geo';
import { type Catalog, setCatalog } from '../../../src/i18n';
import type { PageNumber } from '../../../src/messages';
import { CRM_PAGE, configure, FONIAL_LOGIN, fonialAccount, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const ROOT = join(import.meta.dirname, '..', '..', '..');
const env = useBackground();

const PAGE: PageNumber[] = [
  { e164: '+3225551212', international: '+32 2 555 12 12', text: '02/555.12.12' },
  { e164: '+4930234567800', international: '+49 30 234567800', text: '<img src=x onerror=alert(1)> & "030"' },
];

function sources(extra: Partial<SuggestionSources> = {}): SuggestionSources {
  return {
    text: '',
    typed: undefined,
    recent: [
      { number: '+4922166966966', origin: { title: 'ACME GmbH — Contact', host: 'crm.example' } },
      { number: '+31201234567', origin: { title: 'Bakker <BV>', host: 'crm.example' } },
    ],
    page: PAGE,
    format: (e164) => e164,
    ...extra,
  };
}

describe('address bar suggestions', () => {
  beforeEach(async () => {
    setCatalog('en', JSON.parse(await readFile(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Catalog);
  });

  it('shows the typed number as it will be dialled, where it is and the time there', () => {
    const typed = {
      e164: '+4922166966966',
      international: '+49 221 66966966',
      whereWhen: 'Cologne, Germany · 14:32 there',
    };
    const built = buildSuggestions(sources({ text: '0221 669669-66', typed }), true);
    expect(built.defaultDescription).toBe(
      'Call <match>+49 221 66966966</match> <dim>— Cologne, Germany · 14:32 there</dim>',
    );
    // The same number is not offered twice; the other recent call does not match the digits.
    expect(built.list).toEqual([]);
  });

  it('offers matching recent calls and numbers on the tab, page text escaped for Chrome', () => {
    const built = buildSuggestions(sources({ text: '030' }), true);
    expect(built.list).toEqual([
      {
        content: '+4930234567800',
        description:
          'On this page: <url>+49 30 234567800</url> <dim>— &lt;img src=x onerror=alert(1)&gt; &amp; &quot;030&quot;</dim>',
      },
    ]);
    const byTitle = buildSuggestions(sources({ text: 'bakker' }), true);
    expect(byTitle.list).toEqual([
      { content: '+31201234567', description: 'Call again: <url>+31201234567</url> <dim>— Bakker &lt;BV&gt;</dim>' },
    ]);
  });

  it('writes plain text for Firefox', () => {
    const built = buildSuggestions(sources({ text: '030' }), false);
    expect(built.list[0]?.description).toBe('On this page: +49 30 234567800 — <img src=x onerror=alert(1)> & "030"');
  });

  it('with nothing typed: how to use it, the latest calls and the tab’s numbers', () => {
    const built = buildSuggestions(sources(), true);
    expect(built.defaultDescription).toBe('Type a phone number to call it with Ringback');
    expect(built.list.map((s) => s.content)).toEqual([
      '+4922166966966',
      '+31201234567',
      '+3225551212',
      '+4930234567800',
    ]);
  });

  it('says why typed text is no number', () => {
    const built = buildSuggestions(sources({ text: '12', typed: { errorKey: 'dialErrorTooShort' } }), true);
    expect(built.defaultDescription).toBe('That number is too short.');
  });

  it('never lets page or user text break the XML', () => {
    expect(escapeXml('a\u0000b\u001f<c>&\'"')).toBe('a b &lt;c&gt;&amp;&apos;&quot;');
  });
});

describe('the keyword in the background', () => {
  beforeEach(() => {
    setGeoSource(async (code) => JSON.parse(await readFile(join(ROOT, 'public', 'geo', `${code}.json`), 'utf8')));
  });

  it('suggests the typed number with where and when, as the user types', async () => {
    const shown: { content: string; description: string }[][] = [];
    await env.browser.omnibox.started.fire();
    await env.browser.omnibox.changed.fire('0221 669669-66', (list) => shown.push(list));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    // Keys, not translations, in this harness: "omniboxCall[…]", "whereRegion[Köln, Deutschland]".
    expect(env.browser.omnibox.defaultSuggestion).toMatch(
      /^omniboxCall\[<match>\+49 221 66966966<\/match>\] <dim>— whereRegion\[Köln, Deutschland\] · whenThere\[\d\d:\d\d\]/,
    );
  });

  it('calls on Enter through the same path as the popup, and asks first where the settings say so', async () => {
    await env.browser.omnibox.entered.fire('0221 669669-66', 'currentTab');
    await vi.waitFor(() =>
      expect(env.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+4922166966966' })]),
    );
    await vi.waitFor(async () =>
      expect((await value<{ lastCall?: { phase: string } }>({ type: 'popup-state' })).lastCall?.phase).toBe('ringing'),
    );

    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN }, { confirmCalls: 'international' });
    await env.browser.omnibox.entered.fire('+31 20 123 4567', 'currentTab');
    // Not placed: the popup opens (here as a window) to confirm it.
    await vi.waitFor(async () => {
      expect(env.browser.windows).toHaveLength(1);
      expect((await value<{ lastCall?: { phase: string } }>({ type: 'popup-state' })).lastCall?.phase).toBe('confirm');
    });
    expect(env.sim.fonial.calls).toHaveLength(1);
  });

  it('opens the welcome on Enter before any account exists', async () => {
    await configure([], {});
    await env.browser.omnibox.entered.fire('0221 669669-66', 'currentTab');
    await vi.waitFor(async () => {
      const { fakeBrowser } = await import('wxt/testing/fake-browser');
      expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(
        `chrome-extension://${CRM_PAGE.id}/options.html#welcome`,
      );
    });
  });

  it('tells a page’s card where a number is and the time there, in words and nothing more', async () => {
    const words = await value({ type: 'where-when', number: '0221 669669-66' }, CRM_PAGE);
    expect(words).toEqual({
      where: 'whereRegion[Köln, Deutschland]',
      when: expect.stringMatching(/^whenThere\[\d\d:\d\d\]$/),
      quiet: expect.any(String),
    });
    expect(await value({ type: 'where-when', number: 'no number' }, CRM_PAGE)).toBeNull();
  });
});
