/**
 * A base URL outside the hosts the manifest already grants (a reseller's or a proxy's) needs an
 * optional host permission, which the browser grants only from a user gesture: so this runs first
 * thing in the click handler, before any other await.
 */
import { browser } from 'wxt/browser';

/** Whether `url`'s origin is covered by one of the manifest's host match patterns. */
export function coveredByPatterns(url: string, patterns: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((pattern) => matches(pattern, target));
}

function matches(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return url.protocol === 'http:' || url.protocol === 'https:';
  const found = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d+|\*))?\//.exec(pattern);
  if (!found) return false;
  const [, scheme, host = '', port] = found;
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`) return false;
  if (port !== undefined && port !== '*' && url.port !== port) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.hostname === host;
}

/** The origin pattern to request for a base URL, or undefined when the manifest already covers it. */
export function permissionFor(baseUrl: string, granted: readonly string[]): string | undefined {
  if (baseUrl === '' || coveredByPatterns(baseUrl, granted)) return undefined;
  try {
    return `${new URL(baseUrl).origin}/*`;
  } catch {
    return undefined;
  }
}

/**
 * Asks for access to a custom base URL's host when needed. Must be called synchronously from the
 * click (the request is the first thing awaited). True when access is (now) granted.
 */
export function requestHostAccess(baseUrl: string): Promise<boolean> {
  const manifest = browser.runtime.getManifest();
  const origin = permissionFor(baseUrl, manifest.host_permissions ?? []);
  if (origin === undefined) return Promise.resolve(true);
  return browser.permissions.request({ origins: [origin] }).catch(() => false);
}
