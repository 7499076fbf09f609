/**
 * Where `npm run demo` finds a browser that can load Ringback unpacked: the path in CHROMIUM_PATH
 * (or FIREFOX_PATH), else Chromium or Chrome for Testing (or Firefox) where installers put them on
 * Linux, macOS and Windows. Branded Google Chrome is not used: since Chrome 137 it ignores
 * `--load-extension`, so the demo would run without Ringback. Pure: the file system and the
 * environment are handed in, so tests can describe any machine.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export interface FoundBrowser {
  readonly kind: BrowserKind;
  readonly path: string;
  /** What it is, for the terminal ("Chromium", "Chrome for Testing", "Firefox"). */
  readonly name: string;
}

/** The machine as the finder sees it. */
export interface Machine {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** The folder the demo runs in (Chrome for Testing may be installed under it). */
  readonly cwd: string;
  /** Whether an executable file is at this path. */
  isExecutable(path: string): boolean;
  /** The names in a directory; none when it does not exist. */
  list(dir: string): readonly string[];
}

interface Candidate {
  readonly path: string;
  readonly name: string;
}

export function findBrowser(kind: BrowserKind, machine: Machine): FoundBrowser | undefined {
  const found = candidates(kind, machine).find((c) => machine.isExecutable(c.path));
  return found ? { kind, ...found } : undefined;
}

/** Every place looked at, in order: the environment variable first. */
export function candidates(kind: BrowserKind, machine: Machine): readonly Candidate[] {
  const variable = kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
  const fromEnv = machine.env[variable];
  const chosen: Candidate[] = fromEnv ? [{ path: fromEnv, name: variable }] : [];
  return [...chosen, ...(kind === 'chromium' ? chromiumPlaces(machine) : firefoxPlaces(machine))];
}

function chromiumPlaces(machine: Machine): Candidate[] {
  const { home } = machine;
  const { join } = pathsOf(machine);
  const chromium = (path: string): Candidate => ({ path, name: 'Chromium' });
  const forTesting = (path: string): Candidate => ({ path, name: 'Chrome for Testing' });
  // `npx @puppeteer/browsers install chrome@stable` puts it under ./chrome or the puppeteer cache,
  // one folder per platform and version.
  const testingBuilds = (inside: string) =>
    [join(machine.cwd, 'chrome'), join(home, '.cache', 'puppeteer', 'chrome')].flatMap((root) =>
      // Newest version first.
      [...machine.list(root)]
        .sort()
        .reverse()
        .map((version) => forTesting(join(root, version, inside))),
    );
  switch (machine.platform) {
    case 'darwin':
      return [
        chromium('/Applications/Chromium.app/Contents/MacOS/Chromium'),
        chromium(join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium')),
        forTesting('/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
        ...['chrome-mac-arm64', 'chrome-mac-x64'].flatMap((build) =>
          testingBuilds(join(build, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing')),
        ),
      ];
    case 'win32': {
      const roots = windowsRoots(machine);
      return [
        ...roots.map((root) => chromium(join(root, 'Chromium', 'Application', 'chrome.exe'))),
        ...testingBuilds(join('chrome-win64', 'chrome.exe')),
      ];
    }
    default:
      return [
        chromium('/usr/bin/chromium'),
        chromium('/usr/bin/chromium-browser'),
        chromium('/usr/lib/chromium/chromium'),
        chromium('/snap/bin/chromium'),
        ...testingBuilds(join('chrome-linux64', 'chrome')),
      ];
  }
}

function firefoxPlaces(machine: Machine): Candidate[] {
  const { join } = pathsOf(machine);
  const firefox = (path: string): Candidate => ({ path, name: 'Firefox' });
  switch (machine.platform) {
    case 'darwin':
      return ['Firefox', 'Firefox Developer Edition', 'Firefox Nightly'].flatMap((app) => [
        firefox(`/Applications/${app}.app/Contents/MacOS/firefox`),
        firefox(join(machine.home, `Applications/${app}.app/Contents/MacOS/firefox`)),
      ]);
    case 'win32':
      return windowsRoots(machine).map((root) => firefox(join(root, 'Mozilla Firefox', 'firefox.exe')));
    default:
      return [
        firefox('/usr/bin/firefox-esr'),
        firefox('/usr/bin/firefox'),
        firefox('/usr/lib/firefox-esr/firefox-esr'),
        firefox('/usr/lib/firefox/firefox'),
        firefox('/opt/firefox/firefox'),
        firefox('/snap/bin/firefox'),
      ];
  }
}

/** Windows paths on Windows, POSIX ones elsewhere, whatever machine runs the finder. */
function pathsOf(machine: Machine) {
  return machine.platform === 'win32' ? win32 : posix;
}

/** Where Windows installers put programs: per user first, then for everyone. */
function windowsRoots(machine: Machine): string[] {
  const { LOCALAPPDATA, PROGRAMFILES, 'PROGRAMFILES(X86)': programFilesX86 } = machine.env;
  return [LOCALAPPDATA, PROGRAMFILES ?? 'C:\\Program Files', programFilesX86 ?? 'C:\\Program Files (x86)'].filter(
    (root): root is string => root !== undefined && root !== '',
  );
}

/** Branded Google Chrome where it usually is: found only to explain why it is not used. */
export function brandedChrome(machine: Machine): string | undefined {
  const places =
    machine.platform === 'darwin'
      ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
      : machine.platform === 'win32'
        ? windowsRoots(machine).map((root) => win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'))
        : ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
  return places.find((path) => machine.isExecutable(path));
}

/** One paragraph for the terminal when no usable browser was found: what to install, and how. */
export function installAdvice(kind: BrowserKind, machine: Machine): string {
  const variable = kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
  const badVariable = machine.env[variable]
    ? `${variable} is set to ${machine.env[variable]}, but no executable is there. `
    : '';
  if (kind === 'firefox') {
    const install =
      machine.platform === 'linux'
        ? 'On Debian or Ubuntu, install it with `sudo apt-get install firefox-esr`; elsewhere install Firefox from mozilla.org'
        : 'Install Firefox from mozilla.org';
    return (
      `${badVariable}No Firefox was found for \`npm run demo -- --firefox\`. ${install} (version 140 or later), ` +
      `or point FIREFOX_PATH at a Firefox binary, then run the demo again.`
    );
  }
  const chrome = brandedChrome(machine);
  const branded = chrome
    ? `Google Chrome is installed (${chrome}), but branded Chrome no longer loads unpacked extensions from the command line (since version 137), so the demo cannot use it. `
    : '';
  const install =
    machine.platform === 'linux'
      ? 'install Chromium (`sudo apt-get install chromium` on Debian, `chromium-browser` on Ubuntu)'
      : machine.platform === 'darwin'
        ? 'install Chromium (for example `brew install --cask chromium`)'
        : 'install Chromium';
  return (
    `${badVariable}${branded}No Chromium was found for \`npm run demo\`: ${install}, or Chrome for Testing ` +
    '(`npx @puppeteer/browsers install chrome@stable`), or point CHROMIUM_PATH at a Chromium binary — ' +
    'then run the demo again. `npm run demo -- --firefox` runs the same demo in Firefox instead.'
  );
}

/** This machine. */
export function thisMachine(): Machine {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    cwd: process.cwd(),
    isExecutable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
