// @vitest-environment happy-dom
/**
 * The options page's account form: the fields each provider needs, "Test connection" reporting
 * success or the provider's reason, and nothing typed lost on a failure.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Credentials, Reply } from '../../../src/messages';
import { CREDENTIAL_FIELDS, DEFAULT_BASE_URLS } from '../../../src/providers/catalog';
import type { AccountSettings } from '../../../src/settings';
import { AccountForm, type TestResult } from '../../../src/ui/options/AccountForm';
import { change, click, type Mounted, mount, settle, type, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(useEnglish);
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const ACCOUNT: AccountSettings = {
  id: 'account-1',
  provider: 'fonial',
  label: '',
  baseUrl: '',
  deviceId: '',
  callerId: '',
  smsSenderId: '',
};

function form(
  options: { account?: AccountSettings; isNew?: boolean; hasCredentials?: boolean; locked?: boolean } = {},
) {
  const onTest = vi.fn<(a: AccountSettings, c?: Credentials) => Promise<Reply<TestResult>>>();
  const onSave = vi.fn<(a: AccountSettings, c?: Credentials) => Promise<Reply<null>>>();
  const requestHost = vi.fn<(url: string) => Promise<boolean>>(async () => true);
  const account = options.account ?? ACCOUNT;
  view = mount(
    <AccountForm
      account={account}
      isNew={options.isNew ?? true}
      hasCredentials={options.hasCredentials ?? false}
      locked={options.locked ?? false}
      fieldsFor={(provider) => CREDENTIAL_FIELDS[provider]}
      defaultBaseUrl={(provider) => DEFAULT_BASE_URLS[provider]}
      requestHost={requestHost}
      onTest={onTest}
      onSave={onSave}
      onCancel={() => {}}
    />,
  );
  const v = view;
  const field = (key: string) => v.get(`#account-${account.id}-${key}`) as HTMLInputElement;
  const button = (name: string) => {
    const found = [...v.root.querySelectorAll('button')].find((b) => b.textContent === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const labels = () => [...v.root.querySelectorAll('label')].map((l) => l.textContent);
  return { onTest, onSave, requestHost, field, button, labels };
}

describe('AccountForm', () => {
  it('asks for exactly the fields the chosen provider needs, secrets as password fields', async () => {
    const f = form();
    expect(f.labels()).toEqual(expect.arrayContaining(['Provider', 'Name (optional)']));
    expect(f.field('username').type).toBe('text');
    expect(f.field('password').type).toBe('password');

    await change(f.field('provider'), 'sipgate');
    expect(() => f.field('username')).toThrow();
    expect(f.field('tokenId').type).toBe('text');
    expect(f.field('token').type).toBe('password');

    await change(f.field('provider'), 'voipcenter');
    for (const key of ['customerNumber', 'password', 'apiId', 'apiKey']) expect(f.field(key)).toBeTruthy();
    // Every field has a visible label tied to it.
    for (const input of view?.root.querySelectorAll('input, select') ?? []) {
      expect(view?.root.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
  });

  it('offers the base URL under "advanced", showing the provider default', async () => {
    const f = form();
    expect(view?.get('details summary').textContent).toBe('Advanced');
    expect(f.field('base-url').placeholder).toBe(DEFAULT_BASE_URLS.fonial);
  });

  it('does not test with missing login fields, and says which are missing', async () => {
    const f = form();
    await type(f.field('username'), 'martin@example.com');
    await click(f.button('Test connection'));
    expect(f.onTest).not.toHaveBeenCalled();
    expect(view?.get('[role=alert]').textContent).toBe('Fill in all login fields.');
    expect(f.field('password').getAttribute('aria-invalid')).toBe('true');
    expect(f.field('username').value).toBe('martin@example.com');
  });

  it('reports a successful test with the account and its phones', async () => {
    const f = form();
    f.onTest.mockResolvedValue({
      ok: true,
      value: {
        label: 'martin@example.com',
        devices: [
          { id: '23', name: 'Desk phone' },
          { id: '674', name: 'Softphone' },
        ],
      },
    });
    await type(f.field('username'), ' martin@example.com ');
    await type(f.field('password'), ' secret ');
    await click(f.button('Test connection'));
    await settle();
    expect(f.onTest).toHaveBeenCalledWith(expect.objectContaining({ provider: 'fonial', baseUrl: '' }), {
      username: 'martin@example.com',
      // Secrets go exactly as typed.
      password: ' secret ',
    });
    expect(view?.get('[role=status]').textContent).toBe(
      'The connection works: logged in as martin@example.com. Phones found (2): Desk phone, Softphone.',
    );
  });

  it("shows the provider's reason when the test fails, keeping every field", async () => {
    const f = form();
    f.onTest.mockResolvedValue({ ok: false, reason: 'errAuth' });
    await type(f.field('label'), 'Office');
    await type(f.field('username'), 'martin@example.com');
    await type(f.field('password'), 'wrong');
    await click(f.button('Test connection'));
    await settle();
    expect(view?.get('[role=alert]').textContent).toBe(
      "The connection failed. Your phone provider did not accept your login details. Check them in Ringback's options.",
    );
    expect([f.field('label').value, f.field('username').value, f.field('password').value]).toEqual([
      'Office',
      'martin@example.com',
      'wrong',
    ]);
  });

  it('asks for host access for a custom base URL first, and stops when refused', async () => {
    const f = form();
    f.requestHost.mockResolvedValue(false);
    await type(f.field('username'), 'u');
    await type(f.field('password'), 'p');
    await type(f.field('base-url'), 'https://pbx.reseller.example/api/2.0');
    await click(f.button('Test connection'));
    await settle();
    expect(f.requestHost).toHaveBeenCalledWith('https://pbx.reseller.example/api/2.0');
    expect(f.onTest).not.toHaveBeenCalled();
    expect(view?.get('[role=alert]').textContent).toContain('permission to reach pbx.reseller.example');
  });

  it('refuses a base URL that is not http(s)', async () => {
    const f = form();
    await type(f.field('base-url'), 'ftp://pbx.example');
    await click(f.button('Save'));
    expect(f.onSave).not.toHaveBeenCalled();
    expect(f.field('base-url').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a saved login when its fields are left empty, and wants all of them to replace it', async () => {
    const f = form({ account: { ...ACCOUNT, label: 'Office' }, isNew: false, hasCredentials: true });
    f.onSave.mockResolvedValue({ ok: true, value: null });
    expect(f.field('provider').hasAttribute('disabled')).toBe(true);
    expect(f.field('password').placeholder).toBe('Saved – leave empty to keep');

    await type(f.field('username'), 'new@example.com');
    await click(f.button('Save'));
    expect(f.onSave).not.toHaveBeenCalled();
    expect(view?.get('[role=alert]').textContent).toContain('leave them all empty to keep it');

    await type(f.field('username'), '');
    await click(f.button('Save'));
    await settle();
    expect(f.onSave).toHaveBeenCalledWith(expect.objectContaining({ id: 'account-1', label: 'Office' }), undefined);
  });

  it('shows why saving failed without losing the form', async () => {
    const f = form();
    f.onSave.mockResolvedValue({ ok: false, reason: 'errInternal' });
    await type(f.field('username'), 'u');
    await type(f.field('password'), 'p');
    await click(f.button('Save'));
    await settle();
    expect(view?.get('[role=alert]').textContent).toBe(
      'The account was not saved. Something went wrong inside Ringback. Please try again.',
    );
    expect(f.field('username').value).toBe('u');
  });

  it('lets a user enter the login of an account the administrator set, nothing else', () => {
    const f = form({
      account: { ...ACCOUNT, label: 'ACME', baseUrl: 'https://pbx.acme.example' },
      isNew: false,
      locked: true,
    });
    expect(f.field('label').disabled).toBe(true);
    expect(f.field('base-url').disabled).toBe(true);
    expect(f.field('provider').hasAttribute('disabled')).toBe(true);
    expect(f.field('username').disabled).toBe(false);
  });
});
