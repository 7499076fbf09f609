// @vitest-environment happy-dom
/**
 * The first stage's cheap look: it must say "maybe a number" wherever the engine could find one
 * (else numbers would never be marked there), and stay quiet on pages without digits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DigitLook, digitsAfter } from '../../../src/content/boot/digit-look';
import { MIN_DIGITS, mayContainPhoneNumber } from '../../../src/content/text-run';
import { findPhoneNumbers } from '../../../src/phone';
import { loadCorpus } from '../../fixtures/phone-corpus/corpus';

let look: DigitLook | undefined;

afterEach(() => {
  look?.stop();
  look = undefined;
  document.body.innerHTML = '';
});

/** Starts a look on the current document; resolves true once it reports something. */
function watch(): { found: () => boolean } {
  let found = false;
  look = new DigitLook(() => {
    found = true;
  });
  look.start(document);
  return { found: () => found };
}

/** Lets MutationObserver records and the look's idle slices run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('digitsAfter', () => {
  it('says yes wherever the engine’s own pre-filter does, on every corpus case', () => {
    for (const { text } of loadCorpus()) {
      if (mayContainPhoneNumber(text)) expect(digitsAfter(text, 0), text).toBeGreaterThanOrEqual(MIN_DIGITS);
    }
  });

  it('says yes wherever the engine finds a number', () => {
    for (const { text, defaultCountry } of loadCorpus()) {
      if (findPhoneNumbers(text, { defaultCountry }).length > 0) {
        expect(digitsAfter(text, 0), text).toBeGreaterThanOrEqual(MIN_DIGITS);
      }
    }
  });

  it('counts on across pieces of text and stops at letters', () => {
    expect(digitsAfter('221 66', digitsAfter('Tel. +49 ', 0))).toBe(MIN_DIGITS);
    expect(digitsAfter('Invoice 2024, page 12', 0)).toBeLessThan(MIN_DIGITS);
  });
});

describe('DigitLook', () => {
  it('stays quiet on a page without numbers, however its text is split', async () => {
    document.body.innerHTML = `<h1>Notes</h1><p>Page <b>1</b> of <i>3</i>, chapter 12.</p>
      <script>var id = 12345678;</script><style>.a{color:#123456}</style><code>0221 669669</code>`;
    const { found } = watch();
    await settle();
    expect(found()).toBe(false);
  });

  it('sees a number written across inline elements, and a call link without digits in its text', async () => {
    document.body.innerHTML = '<p>Tel. <b>+49</b> <span>221</span> <span>669</span></p>';
    expect(watch().found()).toBe(true);
    look?.stop();
    document.body.innerHTML = '<p><a href="tel:+4922166966966">Call us</a></p>';
    expect(watch().found()).toBe(true);
  });

  it('sees numbers the page adds or writes later, also into an open shadow root', async () => {
    document.body.innerHTML = '<ul id="list"></ul><div id="host"></div>';
    const host = document.getElementById('host');
    const shadow = host?.attachShadow({ mode: 'open' });
    const { found } = watch();
    document.getElementById('list')?.insertAdjacentHTML('beforeend', '<li>Jan, no number yet</li>');
    await settle();
    expect(found()).toBe(false);
    if (shadow) shadow.innerHTML = '<p>Mobil 0171 2345678</p>';
    await settle();
    expect(found()).toBe(true);
    look?.stop();
    document.body.innerHTML = '<p id="p">Ruf an: </p>';
    const third = watch();
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'Ruf an: 030 1234567';
    await settle();
    expect(third.found()).toBe(true);
  });

  it('ignores digits a script writes into styles', async () => {
    const { found } = watch();
    const style = document.createElement('style');
    document.head.append(style);
    style.append(document.createTextNode('.x{width:123456px}'));
    await settle();
    expect(found()).toBe(false);
    style.remove();
  });
});
