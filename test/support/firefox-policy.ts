/**
 * An administrator's policy for Ringback, the way Firefox on Linux reads it: the system-wide
 * /etc/firefox/policies/policies.json (Firefox's own name, also for Debian's firefox-esr; it wins
 * over the installation's distribution/policies.json), whose `3rdparty.Extensions.<add-on id>` is
 * the add-on's managed storage. Firefox reads it once, at start.
 *
 * The file is machine-wide and every Ringback build has the same add-on id, so a policy for that
 * id would reach any Firefox started meanwhile with Ringback in it, such as another checkout's
 * tests. The test therefore installs a copy of the simulator build under an id of its own, and
 * puts back the file (or its absence) and the folders it made when done.
 */
import { randomUUID } from 'node:crypto';
import { access, constants, cp, mkdir, mkdtemp, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FIREFOX_SIM_BUILD_DIR } from './firefox';

const POLICY_FILE = '/etc/firefox/policies/policies.json';

/** The simulator build under an add-on id no other Firefox uses, in a folder of its own. */
export interface PolicyAddon {
  readonly dir: string;
  readonly geckoId: string;
  remove(): Promise<void>;
}

export async function policyAddon(): Promise<PolicyAddon> {
  const dir = await mkdtemp(join(tmpdir(), 'ringback-policy-addon-'));
  await cp(FIREFOX_SIM_BUILD_DIR, dir, { recursive: true });
  const geckoId = `ringback-policy-e2e-${randomUUID()}@ringback.app`;
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  manifest.browser_specific_settings.gecko.id = geckoId;
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { dir, geckoId, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface FirefoxPolicyFile {
  /** Sets the add-on's policy, keeping whatever else the file held. */
  write(policy: Record<string, unknown>): Promise<void>;
  /** Puts the file back as it was (or removes it), and the folders made for it. */
  restore(): Promise<void>;
}

/** Throws, saying what to do, when the policy folder cannot be written. */
export async function firefoxPolicyFileFor(geckoId: string): Promise<FirefoxPolicyFile> {
  let made: string[];
  try {
    made = await makeFolders(dirname(POLICY_FILE));
    await access(dirname(POLICY_FILE), constants.W_OK);
  } catch (error) {
    throw new Error(
      `These tests give Firefox an administrator's policy in ${POLICY_FILE}, which this user cannot ` +
        `write (${(error as Error).message}). Run them as root, as CI does, or set ` +
        'RINGBACK_SKIP_POLICY_E2E=1 to skip them.',
    );
  }
  const original = await readFile(POLICY_FILE, 'utf8').catch(() => undefined);
  const others = original === undefined ? {} : (JSON.parse(original) as { policies?: Record<string, unknown> });
  return {
    async write(policy) {
      const policies = others.policies ?? {};
      const thirdParty = (policies['3rdparty'] ?? {}) as { Extensions?: Record<string, unknown> };
      const merged = {
        ...others,
        policies: {
          ...policies,
          '3rdparty': { ...thirdParty, Extensions: { ...thirdParty.Extensions, [geckoId]: policy } },
        },
      };
      await replaceFile(JSON.stringify(merged, null, 2));
    },
    async restore() {
      if (original === undefined) await rm(POLICY_FILE, { force: true });
      else await replaceFile(original);
      for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined);
    },
  };
}

/** Written beside it and renamed: a Firefox starting meanwhile reads the old file or the new, never half. */
async function replaceFile(text: string): Promise<void> {
  const temporary = `${POLICY_FILE}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, POLICY_FILE);
}

/** Makes `folder` and its missing parents; returns those it made, outermost first. */
async function makeFolders(folder: string): Promise<string[]> {
  const missing: string[] = [];
  for (let path = folder; path !== dirname(path); path = dirname(path)) {
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (exists) break;
    missing.unshift(path);
  }
  await mkdir(folder, { recursive: true });
  return missing;
}
