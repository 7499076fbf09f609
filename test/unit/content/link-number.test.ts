import { describe, expect, it } from 'vitest';
import { parseCallLink } from '../../../src/content/link-number';

describe('parseCallLink', () => {
  it.each([
    ['tel:+4922166966966', 'tel', '+4922166966966'],
    ['tel:+49-221-669669-66', 'tel', '+4922166966966'],
    ['TEL:+49 (221) 669.669.66', 'tel', '+4922166966966'],
    ['tel:%2B49%20221%2066966966', 'tel', '+4922166966966'],
    ['tel:0221 66966966', 'tel', '022166966966'],
    ['tel:66966966;phone-context=+49-221', 'tel', '+4922166966966'],
    ['tel:66966966;phone-context=example.com', 'tel', '66966966'],
    ['callto:+4922166966966', 'callto', '+4922166966966'],
    ['callto://+4922166966966', 'callto', '+4922166966966'],
    ['sip:+4922166966966@pbx.example.com;user=phone', 'sip', '+4922166966966'],
    ['sips:022166966966@pbx.example.com', 'sip', '022166966966'],
    ['sip:0221-66966966@pbx.example.com?subject=hi', 'sip', '022166966966'],
  ])('reads %j as a %s link to %s', (href, scheme, number) => {
    expect(parseCallLink(href)).toEqual({ scheme, number });
  });

  it('keeps a tel: URI’s extension apart from its number', () => {
    expect(parseCallLink('tel:+4922166966966;ext=12')).toEqual({
      scheme: 'tel',
      number: '+4922166966966',
      extension: '12',
    });
    expect(parseCallLink('tel:+1-650-253-0001;ext=4-5')).toEqual({
      scheme: 'tel',
      number: '+16502530001',
      extension: '45',
    });
    expect(parseCallLink('tel:+4922166966966;ext=abc')).toEqual({ scheme: 'tel', number: '+4922166966966' });
  });

  it.each([
    'sip:alice@pbx.example.com',
    'callto:skype.name',
    'callto://echo123',
    'tel:',
    'tel:12',
    'tel:+49abc',
    'mailto:anna@example.com',
    'https://example.com/tel:+4922166966966',
    'javascript:alert(1)',
    'tel:%E0%A4%A',
  ])('leaves %j to the operating system', (href) => {
    expect(parseCallLink(href)).toBeUndefined();
  });
});
