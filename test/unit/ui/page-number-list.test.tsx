// @vitest-environment happy-dom
/** The popup's "On this page" list says which country a number calls and which extension to ask for. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageNumber } from '../../../src/messages';
import { PageNumberList } from '../../../src/ui/popup/PageNumberList';
import { type Mounted, mount, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(async () => {
  useEnglish();
  // The where-and-when line imports the geo data module on first render; loaded here, that import
  // is answered from the module cache instead of loading after the test ended (a loaded machine
  // tore the environment down first and reported it as an unhandled error).
  await import('../../../src/geo');
});

afterEach(() => {
  view?.unmount();
  view = undefined;
});

const numbers: PageNumber[] = [
  { e164: '+4922166966966', international: '+49 221 66966966', text: '0221 66966966', country: 'DE' },
  { e164: '+31201234567', international: '+31 20 123 4567', text: '020 123 4567', country: 'NL' },
  {
    e164: '+16502534561',
    international: '+1 650-253-4561',
    text: '+1 650-253-4561',
    country: 'US',
    extension: '3456',
  },
];

describe('PageNumberList', () => {
  it('names another country than the user’s and an extension to ask for, nothing for home numbers', () => {
    view = mount(<PageNumberList numbers={numbers} homeCountry="DE" canSms={false} onCall={vi.fn()} onSms={vi.fn()} />);
    const rows = [...view.root.querySelectorAll('li')].map((li) =>
      [...li.querySelectorAll('.entry-meta')].map((m) => m.textContent),
    );
    expect(rows).toEqual([
      ['Written as “0221 66966966”'],
      ['Written as “020 123 4567”', 'Netherlands'],
      ['United States · ask for extension 3456'],
    ]);
  });
});
