// @vitest-environment happy-dom
/** The paragraph direction handed to the detector. */
import { beforeEach, describe, expect, it } from 'vitest';
import { directionOfText, TextDirections } from '../../../src/content/text-direction';

describe('TextDirections', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('dir');
    document.body.innerHTML = '';
  });

  it('takes the nearest dir attribute', () => {
    document.body.innerHTML = '<div dir="rtl"><p id="a">هاتف 222 238 71</p><p id="b" dir="ltr">Tel</p></div>';
    const directions = new TextDirections(document);
    expect(directions.of(document.getElementById('a') as Element, 'هاتف 222 238 71')).toBe('rtl');
    expect(directions.of(document.getElementById('b') as Element, 'Tel 0221 66966966')).toBe('ltr');
  });

  it('reads dir="auto" from the first strong character', () => {
    document.body.innerHTML = '<p id="a" dir="auto">x</p>';
    const directions = new TextDirections(document);
    const element = document.getElementById('a') as Element;
    expect(directions.of(element, '٠٥٠ هاتف')).toBe('rtl');
    expect(directions.of(element, '050 Phone هاتف')).toBe('ltr');
    expect(directions.of(element, '050 123')).toBe('ltr');
  });

  it('falls back to the page’s computed direction, read once', () => {
    document.body.innerHTML = '<p id="a">x</p>';
    document.body.style.direction = 'rtl';
    const directions = new TextDirections(document);
    const element = document.getElementById('a') as Element;
    expect(directions.of(element, '222 238 71')).toBe('rtl');
    document.body.style.direction = 'ltr';
    expect(directions.of(element, '222 238 71')).toBe('rtl');
    directions.reset();
    expect(directions.of(element, '222 238 71')).toBe('ltr');
  });

  it('finds no direction in text without a strong character', () => {
    expect(directionOfText('+971 4 222 3333')).toBeUndefined();
    expect(directionOfText('שלום 03-1234567')).toBe('rtl');
  });
});
