// @vitest-environment happy-dom
/** Settings an administrator set through policy: shown, marked, and not changeable. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { CallingSection } from '../../../src/ui/options/CallingSection';
import { DetectionSection } from '../../../src/ui/options/DetectionSection';
import { LanguageSection } from '../../../src/ui/options/LanguageSection';
import { click, type Mounted, mount, useEnglish } from './render';

let view: Mounted | undefined;

beforeAll(useEnglish);
afterEach(() => {
  view?.unmount();
  view = undefined;
});

describe('locked settings', () => {
  it('disables exactly the controls of the locked keys and says who set them', async () => {
    const locked = new Set<keyof Settings>(['confirmCalls', 'telLinks']);
    const onSave = vi.fn();
    view = mount(
      <CallingSection
        settings={{ ...DEFAULT_SETTINGS, confirmCalls: 'always' }}
        isLocked={(key) => locked.has(key)}
        onSave={onSave}
      />,
    );
    const confirm = view.root.querySelector('fieldset') as HTMLFieldSetElement;
    expect(confirm.disabled).toBe(true);
    const checkboxes = [...view.root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(checkboxes.map((c) => c.disabled)).toEqual([true, false]);
    expect(view.root.querySelectorAll('.locked')).toHaveLength(2);
    expect(view.get('.locked').textContent).toBe('Set by your administrator');
    expect((view.get('#default-country') as HTMLSelectElement).disabled).toBe(false);

    await click(checkboxes[1] as HTMLInputElement);
    expect(onSave).toHaveBeenCalledWith({ notifications: false });
  });

  it('locks the site rules and the language as a whole', () => {
    view = mount(
      <>
        <DetectionSection settings={DEFAULT_SETTINGS} locked onSave={() => {}} />
        <LanguageSection language="de" locked onSave={() => {}} />
      </>,
    );
    expect((view.get('#detection-sites') as HTMLTextAreaElement).disabled).toBe(true);
    expect((view.get('#language') as HTMLSelectElement).disabled).toBe(true);
    expect(view.root.querySelectorAll('.locked')).toHaveLength(2);
  });
});
