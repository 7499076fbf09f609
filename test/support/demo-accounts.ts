/**
 * One simulator account per provider, in the shape the extension stores: used by the demo, the
 * latency bench and browser tests that go through every provider.
 */
import type { ProviderId } from '../../src/providers/types';
import { FONEMA_TEST_ACCOUNT } from '../sim/providers/fonema';
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { VOIPCENTER_TEST_ACCOUNT } from '../sim/providers/voipcenter';
import type { Simulator } from '../sim/server';
import type { AccountSetup } from './extension';

export interface DemoAccount extends AccountSetup {
  readonly provider: ProviderId;
  /** The request that means "a call was placed", below the provider's mount. */
  readonly callPath: string;
  /** Calls the simulated provider accepted so far. */
  readonly acceptedCalls: (sim: Simulator) => number;
}

export function demoAccounts(sim: Simulator): readonly DemoAccount[] {
  return [
    {
      provider: 'fonial',
      baseUrl: sim.baseUrl('fonial'),
      credentials: { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password },
      deviceId: String(FONIAL_TEST_ACCOUNT.devices[0]?.id),
      callPath: '/call/initiate',
      acceptedCalls: (s) => s.fonial.calls.length,
    },
    {
      provider: 'voipcenter',
      baseUrl: sim.baseUrl('voipcenter'),
      credentials: {
        customerNumber: VOIPCENTER_TEST_ACCOUNT.customerNumber,
        password: VOIPCENTER_TEST_ACCOUNT.password,
        apiId: VOIPCENTER_TEST_ACCOUNT.apiId,
        apiKey: VOIPCENTER_TEST_ACCOUNT.apiKey,
      },
      deviceId: VOIPCENTER_TEST_ACCOUNT.sipAccounts[0]?.SIPusername ?? '',
      callPath: '/call.php',
      acceptedCalls: (s) => s.voipcenter.calls.length,
    },
    {
      provider: 'sipgate',
      baseUrl: sim.baseUrl('sipgate'),
      credentials: { tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token },
      deviceId: SIPGATE_TEST_ACCOUNT.devices[0]?.id ?? '',
      callPath: '/sessions/calls',
      acceptedCalls: (s) => s.sipgate.calls.length,
    },
    {
      provider: 'fonema',
      baseUrl: sim.baseUrl('fonema'),
      credentials: { username: FONEMA_TEST_ACCOUNT.login, password: FONEMA_TEST_ACCOUNT.password },
      callPath: '/makeCall',
      acceptedCalls: (s) => s.fonema.calls.length,
    },
  ];
}
