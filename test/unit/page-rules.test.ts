/** The cached page rules every frame starts from: the same config the background would send. */
import { describe, expect, it } from 'vitest';
import type { PageConfig } from '../../src/messages';
import { configForUrl, type PageRules, parsePageRules } from '../../src/page-rules';

const ALLOWED: PageConfig = { enabled: true, setUp: true, defaultCountry: 'DE', telLinks: true, sms: false };

function rules(detection: PageRules['detection'], allowed: PageConfig = ALLOWED): PageRules {
  return { detection, allowed };
}

describe('configForUrl', () => {
  it('runs where the site rules allow, subdomains included, and nowhere else', () => {
    const listed = rules({ mode: 'only-listed', sites: ['crm.example'] });
    expect(configForUrl(listed, 'https://crm.example/contacts').enabled).toBe(true);
    expect(configForUrl(listed, 'https://eu.crm.example/').enabled).toBe(true);
    expect(configForUrl(listed, 'https://news.example/').enabled).toBe(false);
    expect(configForUrl(listed, 'about:blank').enabled).toBe(false);
    const except = rules({ mode: 'except-listed', sites: ['bank.example'] });
    expect(configForUrl(except, 'https://www.bank.example/').enabled).toBe(false);
    expect(configForUrl(except, 'https://crm.example/').enabled).toBe(true);
    expect(configForUrl(rules({ mode: 'everywhere', sites: [] }), 'about:srcdoc')).toEqual(ALLOWED);
  });

  it('never runs where the background says it may not run at all', () => {
    const off = rules({ mode: 'everywhere', sites: [] }, { ...ALLOWED, enabled: false });
    expect(configForUrl(off, 'https://crm.example/').enabled).toBe(false);
  });
});

describe('parsePageRules', () => {
  it('takes what the background wrote, and nothing that is not whole', () => {
    const stored = JSON.parse(JSON.stringify(rules({ mode: 'only-listed', sites: ['crm.example'] })));
    expect(parsePageRules(stored)).toEqual(stored);
    expect(parsePageRules(undefined)).toBeUndefined();
    expect(parsePageRules({ ...stored, detection: { mode: 'sometimes', sites: [] } })).toBeUndefined();
    expect(parsePageRules({ ...stored, detection: { mode: 'everywhere', sites: [1] } })).toBeUndefined();
    expect(parsePageRules({ ...stored, allowed: { ...ALLOWED, defaultCountry: 'de' } })).toBeUndefined();
  });
});
