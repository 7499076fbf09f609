// @vitest-environment happy-dom
/** The SMS composer's live counter: characters against 460, segments, GSM-7 or Unicode. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmsCounter } from '../../../src/ui/popup/SmsCounter';
import { type Mounted, mount, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(useEnglish);
afterEach(() => {
  view?.unmount();
  view = undefined;
});

function counter(text: string) {
  view = mount(<SmsCounter id="c" text={text} />);
  const root = view.get('#c');
  return {
    text: root.textContent ?? '',
    over: root.classList.contains('over'),
    alert: root.querySelector('[role=alert]'),
  };
}

describe('SmsCounter', () => {
  it('counts plain text as GSM-7, 160 to one SMS', () => {
    expect(counter('Hello, see you at 10?').text).toBe('21 / 460 characters1 SMS · GSM-7, 160 per SMS');
    expect(counter('a'.repeat(160)).text).toContain('1 SMS · GSM-7, 160 per SMS');
  });

  it('splits longer text into 153-character parts', () => {
    const result = counter('a'.repeat(161));
    expect(result.text).toContain('161 / 460 characters');
    expect(result.text).toContain('2 SMS · GSM-7, 153 per SMS');
  });

  it('switches to Unicode, 70 per SMS, for one character outside GSM-7', () => {
    expect(counter('Grüße aus Köln 🙂').text).toContain('1 SMS · Unicode, 70 per SMS');
    expect(counter(`${'a'.repeat(70)}ł`).text).toContain('2 SMS · Unicode, 67 per SMS');
  });

  it('counts GSM-7 extension characters such as € twice', () => {
    expect(counter('10 €').text).toContain('5 / 460 characters');
  });

  it('marks text over the 460-character limit and says so', () => {
    const fits = counter('a'.repeat(460));
    expect(fits.over).toBe(false);
    expect(fits.alert).toBeNull();
    view?.unmount();
    const over = counter('a'.repeat(461));
    expect(over.over).toBe(true);
    expect(over.text).toContain('461 / 460 characters');
    expect(over.alert?.textContent).toBe('Too long: an SMS can have at most 460 characters.');
  });
});
