// @vitest-environment happy-dom
/** The popup's dial box: typed or pasted numbers, the normalised number shown before calling. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPhone } from '../../../src/ui/phone';
import { DialBox } from '../../../src/ui/popup/DialBox';
import { click, type Mounted, mount, paste, settle, type, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(async () => {
  useEnglish();
  await loadPhone();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
});

function dialBox(defaultCountry = 'DE') {
  const onCall = vi.fn<(number: string) => void>();
  view = mount(<DialBox defaultCountry={defaultCountry} onCall={onCall} />);
  const input = view.get('input') as HTMLInputElement;
  const preview = view.get('#dial-preview');
  const submit = () => click(view?.get('button[type=submit]') as HTMLElement);
  return { onCall, input, preview, submit };
}

describe('DialBox', () => {
  it('is labelled and shows what a national number will dial, with its country', async () => {
    const { input, preview } = dialBox();
    expect(view?.get('label[for=dial-input]').textContent).toBe('Number to call');
    expect(input.getAttribute('aria-describedby')).toBe('dial-preview');
    await type(input, '0221 66966966');
    expect(preview.textContent).toContain('Calls +49 221 66966966');
    expect(preview.textContent).toContain('Germany');
  });

  it('reads the number in the default country the background resolved', async () => {
    const { input, preview } = dialBox('BE');
    await type(input, '02 511 22 33');
    expect(preview.textContent).toContain('+32 2 511 22 33');
  });

  it('calls the normalised number on Enter or the button', async () => {
    const { input, submit, onCall } = dialBox();
    await type(input, '0171 1234567');
    await submit();
    expect(onCall).toHaveBeenCalledWith('+491711234567');
    expect(view?.get('#dial-preview').textContent).toContain('mobile');
  });

  it('finds the number in pasted text such as a signature line', async () => {
    const { input, preview, submit, onCall } = dialBox();
    await paste(input, 'Tel.: +49 221 669669-66 (Zentrale)');
    expect(preview.textContent).toContain('+49 221 66966966');
    await submit();
    expect(onCall).toHaveBeenCalledWith('+4922166966966');
  });

  it('accepts tel: links and 00 prefixes as pasted', async () => {
    const { input, preview } = dialBox();
    await paste(input, 'tel:0031201234567');
    expect(preview.textContent).toContain('+31 20 123 4567');
  });

  it('does not nag while typing, but says why on calling and keeps what was typed', async () => {
    const { input, preview, submit, onCall } = dialBox();
    await type(input, '0221');
    expect(preview.textContent).toBe('');
    await submit();
    expect(onCall).not.toHaveBeenCalled();
    expect(preview.textContent).toMatch(/too short|does not exist/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('0221');
  });

  it('shows the verdict on a pasted number at once', async () => {
    const { input, preview } = dialBox();
    await paste(input, 'hello');
    expect(preview.textContent).toBe('That is not a phone number.');
  });

  it('asks for a number when called empty', async () => {
    const { submit, onCall } = dialBox();
    await submit();
    await settle();
    expect(onCall).not.toHaveBeenCalled();
    expect(view?.text()).toContain('Type or paste a phone number.');
  });
});
