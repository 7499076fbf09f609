/**
 * `npm run sim [-- --port 4010]`: runs the PBX simulator on its own, for the demo, a sim build of
 * the extension, or poking at it with curl. Prints where each provider lives and the test accounts.
 */
import { FONEMA_AGENT_ACCOUNT, FONEMA_TEST_ACCOUNT } from './providers/fonema';
import { FONIAL_TEST_ACCOUNT } from './providers/fonial';
import { SIPGATE_TEST_ACCOUNT } from './providers/sipgate';
import { VOIPCENTER_TEST_ACCOUNT } from './providers/voipcenter';
import { MOUNTS, type SimulatedProvider, startSimulator } from './server';

const DEFAULT_PORT = 4010;

function portFrom(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index < 0) return DEFAULT_PORT;
  const arg = args[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port expects a number from 0 to 65535, got ${raw ?? 'nothing'}`);
    process.exit(2);
  }
  return port;
}

const ACCOUNTS: Record<SimulatedProvider, readonly Record<string, string>[]> = {
  fonial: [{ username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password }],
  voipcenter: [
    {
      customerNumber: VOIPCENTER_TEST_ACCOUNT.customerNumber,
      password: VOIPCENTER_TEST_ACCOUNT.password,
      apiId: VOIPCENTER_TEST_ACCOUNT.apiId,
      apiKey: VOIPCENTER_TEST_ACCOUNT.apiKey,
    },
  ],
  sipgate: [{ tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token }],
  fonema: [FONEMA_TEST_ACCOUNT, FONEMA_AGENT_ACCOUNT].map((u) => ({
    username: u.login,
    password: u.password,
    role: u.isAdmin ? 'administrator' : 'user',
  })),
};

const sim = await startSimulator({ port: portFrom(process.argv.slice(2)) });
console.log(`Ringback PBX simulator on ${sim.origin} (control API under ${sim.origin}/__sim/)`);
for (const provider of Object.keys(MOUNTS) as SimulatedProvider[]) {
  console.log(`\n${provider}: ${sim.baseUrl(provider)}`);
  for (const account of ACCOUNTS[provider]) {
    console.log(
      `  ${Object.entries(account)
        .map(([key, value]) => `${key}=${value}`)
        .join('  ')}`,
    );
  }
}

let closing = false;
async function shutDown(signal: NodeJS.Signals): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: stopping the simulator`);
  await sim.close();
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutDown(signal));
process.on('SIGTERM', (signal) => void shutDown(signal));
