/**
 * The demo's browser finder on machines described by hand: which browser it picks, in which
 * order, and what it says when there is nothing it can use.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserKind, findBrowser, installAdvice, type Machine } from '../../../scripts/find-browser';

/** A machine where exactly `files` exist (and are executable). */
function machine(platform: NodeJS.Platform, files: readonly string[], env: Record<string, string> = {}): Machine {
  const home = platform === 'win32' ? 'C:\\Users\\ana' : platform === 'darwin' ? '/Users/ana' : '/home/ana';
  const separator = platform === 'win32' ? '\\' : '/';
  return {
    platform,
    env,
    home,
    cwd: platform === 'win32' ? 'C:\\work\\ringback' : '/work/ringback',
    isExecutable: (path) => files.includes(path),
    list: (dir) => [
      ...new Set(
        files
          .filter((f) => f.startsWith(`${dir}${separator}`))
          .map((f) => f.slice(dir.length + 1).split(separator)[0] ?? ''),
      ),
    ],
  };
}

const find = (kind: BrowserKind, m: Machine) => findBrowser(kind, m);

describe('finding Chromium for the demo', () => {
  it('takes CHROMIUM_PATH first, when something runs there', () => {
    const m = machine('linux', ['/usr/bin/chromium', '/opt/my/chrome'], { CHROMIUM_PATH: '/opt/my/chrome' });
    expect(find('chromium', m)).toEqual({ kind: 'chromium', path: '/opt/my/chrome', name: 'CHROMIUM_PATH' });
  });

  it('falls back to the usual places when CHROMIUM_PATH points at nothing, and says so if none', () => {
    const m = machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' });
    expect(find('chromium', m)?.path).toBe('/usr/bin/chromium');
    const bare = machine('linux', [], { CHROMIUM_PATH: '/nowhere/chrome' });
    expect(find('chromium', bare)).toBeUndefined();
    expect(installAdvice('chromium', bare)).toMatch(/^CHROMIUM_PATH is set to \/nowhere\/chrome, but no executable/);
  });

  it('finds Debian’s and Ubuntu’s Chromium, and Chrome for Testing (newest first) on Linux', () => {
    expect(find('chromium', machine('linux', ['/usr/bin/chromium-browser']))?.path).toBe('/usr/bin/chromium-browser');
    const cache = '/home/ana/.cache/puppeteer/chrome';
    const testing = machine('linux', [
      `${cache}/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/linux-142.0.7444.59/chrome-linux64/chrome`,
    ]);
    expect(find('chromium', testing)).toEqual({
      kind: 'chromium',
      path: `${cache}/linux-142.0.7444.59/chrome-linux64/chrome`,
      name: 'Chrome for Testing',
    });
    const local = machine('linux', ['/work/ringback/chrome/linux-142.0.7444.59/chrome-linux64/chrome']);
    expect(find('chromium', local)?.name).toBe('Chrome for Testing');
  });

  it('finds Chromium.app and Chrome for Testing.app on macOS', () => {
    const app = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(find('chromium', machine('darwin', [app]))?.path).toBe(app);
    const testing =
      '/Users/ana/.cache/puppeteer/chrome/mac_arm-142.0.7444.59/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(find('chromium', machine('darwin', [testing]))).toMatchObject({ path: testing, name: 'Chrome for Testing' });
  });

  it('finds Chromium per user or for everyone on Windows, with Windows paths', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    const perUser = 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    const everyone = 'C:\\Program Files\\Chromium\\Application\\chrome.exe';
    expect(find('chromium', machine('win32', [everyone, perUser], env))?.path).toBe(perUser);
    expect(find('chromium', machine('win32', [everyone], env))?.path).toBe(everyone);
    const testing = 'C:\\Users\\ana\\.cache\\puppeteer\\chrome\\win64-142.0.7444.59\\chrome-win64\\chrome.exe';
    expect(find('chromium', machine('win32', [testing], env))?.path).toBe(testing);
  });

  it('never takes branded Google Chrome, and says why in its one paragraph', () => {
    for (const [platform, chrome] of [
      ['linux', '/usr/bin/google-chrome'],
      ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ] as const) {
      const m = machine(platform, [chrome], { PROGRAMFILES: 'C:\\Program Files' });
      expect(find('chromium', m)).toBeUndefined();
      const advice = installAdvice('chromium', m);
      expect(advice).toContain(`Google Chrome is installed (${chrome})`);
      expect(advice).toContain('no longer loads unpacked extensions from the command line');
      expect(advice).toContain('Chrome for Testing');
      expect(advice).not.toContain('\n');
    }
  });

  it('says what to install on a machine with no browser at all', () => {
    const advice = installAdvice('chromium', machine('linux', []));
    expect(advice).toContain('apt-get install chromium');
    expect(advice).toContain('CHROMIUM_PATH');
    expect(advice).toContain('--firefox');
    expect(advice).not.toContain('Google Chrome is installed');
    expect(installAdvice('chromium', machine('darwin', []))).toContain('brew install --cask chromium');
  });
});

describe('finding Firefox for the demo', () => {
  it('takes FIREFOX_PATH first, then Debian’s firefox-esr, then firefox', () => {
    const both = machine('linux', ['/usr/bin/firefox', '/usr/bin/firefox-esr']);
    expect(find('firefox', both)).toEqual({ kind: 'firefox', path: '/usr/bin/firefox-esr', name: 'Firefox' });
    expect(find('firefox', machine('linux', ['/usr/bin/firefox']))?.path).toBe('/usr/bin/firefox');
    const chosen = machine('linux', ['/usr/bin/firefox', '/opt/ff/firefox'], { FIREFOX_PATH: '/opt/ff/firefox' });
    expect(find('firefox', chosen)?.path).toBe('/opt/ff/firefox');
  });

  it('finds Firefox on macOS and Windows', () => {
    const app = '/Applications/Firefox.app/Contents/MacOS/firefox';
    expect(find('firefox', machine('darwin', [app]))?.path).toBe(app);
    const exe = 'C:\\Program Files\\Mozilla Firefox\\firefox.exe';
    expect(find('firefox', machine('win32', [exe], { PROGRAMFILES: 'C:\\Program Files' }))?.path).toBe(exe);
  });

  it('says what to install when there is none, in one paragraph', () => {
    const m = machine('linux', ['/usr/bin/chromium']);
    expect(find('firefox', m)).toBeUndefined();
    const advice = installAdvice('firefox', m);
    expect(advice).toContain('apt-get install firefox-esr');
    expect(advice).toContain('FIREFOX_PATH');
    expect(advice).not.toContain('\n');
  });
});
