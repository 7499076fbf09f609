/**
 * Rendering Preact components into happy-dom for component tests, with the English messages
 * installed so assertions read what a user reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { type Catalog, setCatalog } from '../../../src/i18n';

const EN = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Catalog;

export function useEnglish(): void {
  setCatalog('en', EN);
}

export interface Mounted {
  readonly root: HTMLElement;
  get(selector: string): HTMLElement;
  text(): string;
  unmount(): void;
}

export function mount(ui: ComponentChild): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(ui, root));
  return {
    root,
    get(selector) {
      const found = root.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`nothing matches ${selector}`);
      return found;
    },
    text: () => root.textContent ?? '',
    unmount() {
      act(() => render(null, root));
      root.remove();
    },
  };
}

/** Types into an input or textarea as a user would (one input event with the new value). */
export async function type(element: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A paste: the paste event, then the input event carrying the pasted text. */
export async function paste(element: HTMLElement, value: string): Promise<void> {
  await act(() => {
    element.dispatchEvent(new Event('paste', { bubbles: true }));
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => {
    element.click();
  });
}

export async function change(element: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (element as HTMLSelectElement).value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Lets pending promises (a reply, a dynamic import) settle and Preact re-render. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
