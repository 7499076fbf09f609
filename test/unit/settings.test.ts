import { describe, expect, it } from 'vitest';
import {
  type AccountSettings,
  applyManaged,
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettings,
  type Settings,
} from '../../src/settings';

const account = (id: string, extra: Partial<AccountSettings> = {}): AccountSettings => ({
  id,
  provider: 'fonial',
  label: id,
  baseUrl: '',
  deviceId: '',
  callerId: '',
  smsSenderId: '',
  ...extra,
});

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  accounts: [account('office', { deviceId: '674' }), account('home', { provider: 'sipgate' })],
  activeAccountId: 'home',
  defaultCountry: 'AT',
  detection: { mode: 'only-listed', sites: ['crm.example'] },
};

describe('parseSettings', () => {
  it('gives the defaults for nothing stored yet, with no problems', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('migrates a version 0 settings object (one account, no version) to the account list', () => {
    const { settings, problems } = parseSettings({
      account: { provider: 'fonial', label: 'Büro', deviceId: '23' },
      defaultCountry: 'de',
      telLinks: false,
    });
    expect(problems).toEqual([]);
    expect(settings.version).toBe(1);
    expect(settings.accounts).toEqual([account('account-1', { label: 'Büro', deviceId: '23' })]);
    expect(settings.activeAccountId).toBe('account-1');
    expect(settings.defaultCountry).toBe('DE');
    expect(settings.telLinks).toBe(false);
  });

  it('keeps what is valid, replaces what is not by the default and names it', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      accounts: [account('a'), { id: 'b', provider: 'skype' }, account('a'), account('c', { baseUrl: 'ftp://x' })],
      activeAccountId: 'gone',
      defaultCountry: 'Germany',
      detection: { mode: 'sometimes', sites: ['https://CRM.example.com/path', '*.odoo.com', 42] },
      confirmCalls: 'maybe',
      notifications: 'yes',
    });
    expect(settings.accounts.map((a) => a.id)).toEqual(['a']);
    expect(settings.activeAccountId).toBe('a');
    expect(settings.defaultCountry).toBe('');
    expect(settings.detection).toEqual({ mode: 'everywhere', sites: ['crm.example.com', 'odoo.com'] });
    expect(settings.confirmCalls).toBe('premium');
    expect(settings.notifications).toBe(true);
    expect(problems).toEqual(
      expect.arrayContaining([
        'accounts.1',
        'accounts.2',
        'accounts.3',
        'defaultCountry',
        'detection.mode',
        'confirmCalls',
        'notifications',
      ]),
    );
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [null, 42, 'settings', [], { version: 99 }, { accounts: 'x' }, { detection: [] }]) {
      expect(() => parseSettings(raw)).not.toThrow();
    }
    expect(parseSettings({ version: 99 }).problems).toContain('version');
    expect(parseSettings('settings').problems).toContain('(root)');
  });
});

describe('applyManaged (administrator policy)', () => {
  it('changes nothing and locks nothing without a policy', () => {
    expect(applyManaged(mine, {})).toEqual({ settings: mine, locked: [] });
    expect(applyManaged(mine, undefined)).toEqual({ settings: mine, locked: [] });
  });

  it('lets each valid policy value win and locks it', () => {
    const { settings, locked } = applyManaged(mine, {
      defaultCountry: 'BE',
      confirmCalls: 'always',
      detection: { mode: 'except-listed', sites: ['intranet.example'] },
    });
    expect(settings.defaultCountry).toBe('BE');
    expect(settings.confirmCalls).toBe('always');
    expect(settings.detection).toEqual({ mode: 'except-listed', sites: ['intranet.example'] });
    expect(settings.telLinks).toBe(mine.telLinks);
    expect([...locked].sort()).toEqual(['confirmCalls', 'defaultCountry', 'detection']);
  });

  it('ignores (and does not lock) a policy value the administrator got wrong', () => {
    const { settings, locked } = applyManaged(mine, { confirmCalls: 'sometimes', telLinks: false });
    expect(settings.confirmCalls).toBe(mine.confirmCalls);
    expect(settings.telLinks).toBe(false);
    expect(locked).toEqual(['telLinks']);
  });

  it("replaces the user's accounts but keeps each user's own phone choice", () => {
    const { settings, locked } = applyManaged(mine, {
      accounts: [account('office', { label: 'Company fonial', baseUrl: 'https://pbx.example/api' }), { id: 'broken' }],
    });
    expect(settings.accounts).toEqual([
      account('office', { label: 'Company fonial', baseUrl: 'https://pbx.example/api', deviceId: '674' }),
    ]);
    // The user's active account is not among the managed ones.
    expect(settings.activeAccountId).toBe('office');
    expect(locked).toEqual(['accounts']);
  });

  it('sets the active account only when the policy names one that exists', () => {
    expect(applyManaged(mine, { activeAccountId: 'office' })).toMatchObject({
      settings: { activeAccountId: 'office' },
      locked: ['activeAccountId'],
    });
    expect(applyManaged(mine, { activeAccountId: '' }).locked).toEqual([]);
  });
});

describe('mergeSettings (import)', () => {
  it('takes every valid key of the file and keeps the rest as it is', () => {
    const { settings, problems } = mergeSettings(mine, {
      version: 1,
      telLinks: false,
      confirmCalls: 'international',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...mine, telLinks: false, confirmCalls: 'international' });
  });

  it('keeps the current value of every invalid key whole, and names it', () => {
    const { settings, problems } = mergeSettings(mine, {
      version: 1,
      accounts: [account('new'), { id: 'bad' }],
      detection: { mode: 'nowhere', sites: ['x.example'] },
      defaultCountry: 'NL',
    });
    expect(settings.accounts).toEqual(mine.accounts);
    expect(settings.detection).toEqual(mine.detection);
    expect(settings.defaultCountry).toBe('NL');
    expect([...problems].sort()).toEqual(['accounts', 'detection']);
  });

  it('imports an old (version 0) file', () => {
    const { settings, problems } = mergeSettings(mine, { account: { provider: 'voipcenter', label: 'BE' } });
    expect(problems).toEqual([]);
    expect(settings.accounts).toEqual([account('account-1', { provider: 'voipcenter', label: 'BE' })]);
    expect(settings.activeAccountId).toBe('account-1');
  });
});
