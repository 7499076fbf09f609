/**
 * libphonenumber with its full metadata is the heaviest thing the popup uses, so it arrives in its
 * own chunk, loaded in parallel with the popup's first state: nothing waits for it. Until it is
 * there, numbers show as E.164 and the dial box simply has no preview yet.
 */
import { useEffect, useState } from 'preact/hooks';

export type PhoneModule = typeof import('../phone');

let loaded: PhoneModule | undefined;
let loading: Promise<PhoneModule> | undefined;

export function loadPhone(): Promise<PhoneModule> {
  loading ??= import('../phone').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/** The phone module once it is loaded (re-renders the component then). */
export function usePhone(): PhoneModule | undefined {
  const [phone, setPhone] = useState(loaded);
  useEffect(() => {
    if (phone) return;
    let live = true;
    void loadPhone().then((module) => {
      if (live) setPhone(module);
    });
    return () => {
      live = false;
    };
  }, [phone]);
  return phone;
}
