/**
 * Fetches a calling code's data (public/geo/<code>.json) the first time a number with that code is
 * described, and keeps it for the life of the page or worker. A fetch, not `import()`: the MV3
 * service worker is one bundle that cannot load code chunks, while any extension context can read
 * the extension's own files. Calling codes without a file have no data, which is no error.
 */
import { browser } from 'wxt/browser';
import { type CallingCodeData, parseCallingCodeData } from './calling-code-data';

/** Reads one calling code's file as parsed JSON; undefined when there is none. */
export type GeoSource = (code: string) => Promise<unknown>;

const fromExtension: GeoSource = async (code) => {
  // WXT types only the public files it saw at build time; these are generated alongside them.
  const url = browser.runtime.getURL(`/geo/${code}.json` as Parameters<typeof browser.runtime.getURL>[0]);
  const response = await fetch(url);
  return response.ok ? response.json() : undefined;
};

let source: GeoSource = fromExtension;
const loaded = new Map<string, Promise<CallingCodeData | undefined>>();

export function loadCallingCode(code: string): Promise<CallingCodeData | undefined> {
  if (!/^[1-9]\d{0,2}$/.test(code)) return Promise.resolve(undefined);
  let data = loaded.get(code);
  if (!data) {
    data = source(code).then(parseCallingCodeData, () => undefined);
    loaded.set(code, data);
  }
  return data;
}

/** Tests read the files from disk; each new source starts with nothing loaded. */
export function setGeoSource(next: GeoSource): void {
  source = next;
  loaded.clear();
}
