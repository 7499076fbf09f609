/**
 * An administrator's policy for Ringback, the way Chromium on Linux reads it: a JSON file in
 * /etc/chromium/policies/managed whose `3rdparty.extensions.<extension id>` is the extension's
 * managed storage. The file is machine-wide, so it is keyed to the id of the build under test
 * (an unpacked extension's id comes from its path: another checkout's build is another
 * extension) and every file written here is removed by the test that wrote it.
 *
 * Chromium watches that folder while it runs and applies a changed file once it has been left
 * alone for its settle time (measured here: 5 s); a browser started afterwards reads it at start.
 */
import { createHash, randomUUID } from 'node:crypto';
import { access, constants, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Set to 1 to skip the policy tests on a machine where the policy folder cannot be written. */
export const SKIP_POLICY_TESTS = process.env.RINGBACK_SKIP_POLICY_E2E === '1';

const FILE_PREFIX = 'ringback-e2e-';

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface PolicyFile {
  /** Replaces the whole policy for the extension. */
  write(policy: Record<string, unknown>): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A policy file of its own for `extensionId`, after removing any such file a killed earlier run of
 * this same build left behind. Throws, saying what to do, when the folder cannot be written.
 */
export async function policyFileFor(extensionId: string): Promise<PolicyFile> {
  try {
    await mkdir(CHROMIUM_POLICY_DIR, { recursive: true });
    await access(CHROMIUM_POLICY_DIR, constants.W_OK);
  } catch (error) {
    throw new Error(
      `These tests give Chromium an administrator's policy in ${CHROMIUM_POLICY_DIR}, which this user ` +
        `cannot write (${(error as Error).message}). Run them as root, as CI does, or set ` +
        'RINGBACK_SKIP_POLICY_E2E=1 to skip them.',
    );
  }
  await removeLeftovers(extensionId);
  const path = join(CHROMIUM_POLICY_DIR, `${FILE_PREFIX}${process.pid}-${randomUUID()}.json`);
  return {
    write: (policy) => writeFile(path, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } })),
    remove: () => rm(path, { force: true }),
  };
}

async function removeLeftovers(extensionId: string): Promise<void> {
  for (const name of await readdir(CHROMIUM_POLICY_DIR)) {
    if (!name.startsWith(FILE_PREFIX)) continue;
    const path = join(CHROMIUM_POLICY_DIR, name);
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text.includes(`"${extensionId}"`)) await rm(path, { force: true });
  }
}
