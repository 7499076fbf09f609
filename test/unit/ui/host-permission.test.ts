/** Which base URLs need a runtime host permission: only those the manifest does not already grant. */
import { describe, expect, it } from 'vitest';
import { PROVIDER_HOST_PERMISSIONS } from '../../../src/providers/catalog';
import { coveredByPatterns, permissionFor } from '../../../src/ui/options/host-permission';

const SIM = [...PROVIDER_HOST_PERMISSIONS, 'http://127.0.0.1/*'];

describe('host permission for a base URL', () => {
  it("needs none for a provider's own host or the simulator on any port", () => {
    expect(permissionFor('https://api.sipgate.com/v2', PROVIDER_HOST_PERMISSIONS)).toBeUndefined();
    expect(permissionFor('http://127.0.0.1:4010/sipgate/v2', SIM)).toBeUndefined();
    expect(permissionFor('', PROVIDER_HOST_PERMISSIONS)).toBeUndefined();
  });

  it("asks for a reseller's or proxy's origin", () => {
    expect(permissionFor('https://pbx.reseller.example/api/2.0', PROVIDER_HOST_PERMISSIONS)).toBe(
      'https://pbx.reseller.example/*',
    );
    // Same host name, other scheme: not covered.
    expect(permissionFor('http://api.sipgate.com/v2', PROVIDER_HOST_PERMISSIONS)).toBe('http://api.sipgate.com/*');
  });

  it('matches wildcard subdomains and nothing that only looks alike', () => {
    expect(coveredByPatterns('https://eu.pbx.example/', ['https://*.pbx.example/*'])).toBe(true);
    expect(coveredByPatterns('https://pbx.example/', ['https://*.pbx.example/*'])).toBe(true);
    expect(coveredByPatterns('https://evilpbx.example/', ['https://*.pbx.example/*'])).toBe(false);
    expect(coveredByPatterns('not a url', ['<all_urls>'])).toBe(false);
  });
});
