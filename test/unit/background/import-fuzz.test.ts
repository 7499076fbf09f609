/**
 * Issue #14 item 7: 500 generated malformed or hostile settings files, fed to import through the
 * background's message, each against the same saved setup (the office fonial account and its
 * login). Every file is refused with nothing changed, or applied — after confirmation where it
 * moves an account — with its problems listed: what it got wrong keeps the value saved before,
 * the saved login still opens wherever its account still points, nothing else in storage moves,
 * and no prototype is polluted. The generator is seeded: the same 500 files every run.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImportResult, Reply, SettingsView } from '../../../src/messages';
import { parseSettings, SETTINGS_KEYS, type Settings } from '../../../src/settings';
import { FONIAL_LOGIN, OPTIONS_TAB, send, useBackground, value } from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();

const FILES = 500;
const SEED = 0x14_14_14;
const REFUSALS = new Set(['errImportNotJson', 'errImportNotRingback', 'errRejectedMessage']);

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];

/** Builds one hostile settings file as text (possibly not JSON at all). */
function hostileFile(next: () => number, sim: { fonial: string; origin: string }): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number) => next() < p;
  const huge = () =>
    pick(['x', 'é', '\u0000', '<script>', '%00', '\ud83d\udcde']).repeat(pick([1_000, 50_000, 200_000]));
  const junk = (depth = 0): unknown => {
    const kind = Math.floor(next() * (depth > 3 ? 6 : 9));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return next() * 1e12 - 5e11;
      case 2:
        return chance(0.5);
      case 3:
        // Huge strings only near the top: nested ones would make files of gigabytes that test nothing more.
        return chance(0.2) && depth === 0
          ? huge()
          : pick(['', 'de', 'always', 'only-listed', 'https://evil.example', '1']);
      case 4:
        return pick([Number.MAX_SAFE_INTEGER, -0, 1e308, 0.1]);
      case 5:
        return pick(['javascript:alert(1)', 'data:text/html,<b>', 'http://evil.example/api', 'ftp://x']);
      case 6:
        return Array.from({ length: Math.floor(next() * 5) }, () => junk(depth + 1));
      default: {
        const entries: [string, unknown][] = [];
        const count = Math.floor(next() * 5);
        for (let i = 0; i < count; i += 1)
          entries.push([
            chance(0.4) ? pick(HOSTILE_KEYS) : pick([...SETTINGS_KEYS, 'id', 'provider', 'baseUrl', 'x']),
            junk(depth + 1),
          ]);
        return Object.fromEntries(entries);
      }
    }
  };
  // `plain`: no huge strings, for lists of thousands (a file of gigabytes tests nothing more).
  const account = (index: number, plain = false): Record<string, unknown> => {
    const base: Record<string, unknown> = {
      id: chance(0.1) ? pick(HOSTILE_KEYS) : chance(0.3) ? 'office' : `acct-${index}`,
      provider: plain || chance(0.8) ? pick(['fonial', 'sipgate', 'voipcenter', 'fonema', 'nokia']) : junk(),
      label: !plain && chance(0.1) ? huge() : `Account ${index}`,
      baseUrl: chance(0.5)
        ? sim.fonial
        : !plain && chance(0.2)
          ? huge()
          : pick(['', 'https://evil.example/api', 'http://evil.example', 'not a url']),
    };
    if (!plain && chance(0.3)) base[pick(HOSTILE_KEYS)] = junk();
    if (!plain && chance(0.2)) base[pick(['deviceId', 'callerId', 'smsSenderId'])] = junk();
    return base;
  };
  const accounts = (): unknown => {
    if (chance(0.15)) return Array.from({ length: pick([101, 1_000, 5_000]) }, (_, i) => account(i, true));
    if (chance(0.2)) return junk();
    return Array.from({ length: Math.floor(next() * 4) }, (_, i) => account(i));
  };

  const shape = Math.floor(next() * 10);
  if (shape === 0) {
    // Not JSON, or JSON cut off.
    return chance(0.2) ? huge() : pick(['', '{', '{"format": "ringback-settings", "settings": {', 'null', '<html>']);
  }
  if (shape === 1) return JSON.stringify(junk());

  const settings: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) if (chance(0.5)) settings[key] = key === 'accounts' ? accounts() : junk();
  if (chance(0.5)) settings.version = pick([1, 0, 2, '1', null]);
  if (chance(0.3))
    settings.detection = {
      mode: junk(),
      sites: chance(0.5) ? Array.from({ length: 6_000 }, () => 'x.example') : junk(),
    };
  if (chance(0.3)) settings.account = account(0);
  let text = JSON.stringify({
    format: chance(0.9) ? 'ringback-settings' : junk(),
    exportedAt: junk(),
    settings: chance(0.9) ? settings : junk(),
    ...(chance(0.4)
      ? {
          credentials: chance(0.5)
            ? { office: chance(0.5) ? FONIAL_LOGIN : junk(), [pick(HOSTILE_KEYS)]: junk() }
            : junk(),
        }
      : {}),
  });
  // JSON.stringify drops a `__proto__` own key's meaning; write prototype-pollution attempts literally.
  if (chance(0.3)) {
    const attack = pick(['"__proto__"', '"constructor"']);
    text = text.replace(/^\{/, `{${attack}: {"polluted": true, "prototype": {"polluted": true}},`);
    text = text.replace('"settings":{', `"settings":{${attack}: {"polluted": true},`);
  }
  return text;
}

describe('importing 500 hostile settings files', () => {
  it('refuses each or applies what is valid, lists the problems, and loses nothing saved before', async () => {
    const baseline = structuredClone(await fakeBrowser.storage.local.get(null));
    const baseSettings = baseline.settings as Settings;
    const next = random(SEED);
    const tally = { refused: 0, confirmed: 0, withProblems: 0, clean: 0, bytes: 0 };
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    for (let index = 0; index < FILES; index += 1) {
      await fakeBrowser.storage.local.clear();
      await fakeBrowser.storage.local.set(structuredClone(baseline));
      const json = hostileFile(next, { fonial: env.sim.baseUrl('fonial'), origin: env.sim.origin });
      tally.bytes = Math.max(tally.bytes, json.length);
      const where = `file ${index}: ${json.slice(0, 160)}`;

      let reply = (await send<ImportResult>({ type: 'import-settings', json }, OPTIONS_TAB)) as Reply<ImportResult>;
      if (!reply.ok) {
        expect(REFUSALS.has(reply.reason), where).toBe(true);
        expect(await fakeBrowser.storage.local.get(null), where).toEqual(baseline);
        tally.refused += 1;
        continue;
      }
      if (!reply.value.applied) {
        // A file that moves the account changes nothing before it is confirmed.
        expect(await fakeBrowser.storage.local.get(null), where).toEqual(baseline);
        expect(reply.value.moves.length, where).toBeGreaterThan(0);
        reply = await send<ImportResult>({ type: 'import-settings', json, confirm: reply.value.token }, OPTIONS_TAB);
        tally.confirmed += 1;
      }
      if (!reply.ok || !reply.value.applied) throw new Error(`${where}: not applied after confirming`);
      const problems = reply.value.problems;
      expect(
        problems.every((p) => typeof p === 'string'),
        where,
      ).toBe(true);
      if (problems.length > 0) tally.withProblems += 1;
      else tally.clean += 1;

      const stored = await fakeBrowser.storage.local.get(null);
      // What is saved is always valid settings, and nothing but settings and logins changed.
      expect(parseSettings(stored.settings).problems, where).toEqual([]);
      const { settings: _s, logins: _l, ...others } = stored;
      const { settings: _bs, logins: _bl, ...baseOthers } = baseline;
      expect(others, where).toEqual(baseOthers);
      // A key the file got wrong keeps the value saved before.
      const saved = stored.settings as Settings;
      for (const key of SETTINGS_KEYS) {
        if (!problems.includes(key)) continue;
        // The active account must be one of the accounts; a file that replaced them moves it on.
        const kept = saved.accounts.some((a) => a.id === baseSettings.activeAccountId)
          ? baseSettings.activeAccountId
          : (saved.accounts[0]?.id ?? '');
        expect(saved[key], `${where} (${key})`).toEqual(key === 'activeAccountId' ? kept : baseSettings[key]);
      }
      // The office login still opens wherever the office account still points.
      const view = await value<SettingsView>({ type: 'get-settings' }, OPTIONS_TAB);
      const office = saved.accounts.find((a) => a.id === 'office');
      if (office && office.baseUrl === baseSettings.accounts[0]?.baseUrl && office.provider === 'fonial') {
        expect(view.withCredentials, where).toContain('office');
      }
      expect(Object.getOwnPropertyNames(Object.prototype).sort(), where).toEqual(protoKeys);
      expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
    }

    console.info(`import fuzz (seed ${SEED}): ${JSON.stringify(tally)}`);
    // Every kind of outcome occurred, so the checks above were all exercised.
    expect(tally.refused).toBeGreaterThan(20);
    expect(tally.confirmed).toBeGreaterThan(5);
    expect(tally.withProblems).toBeGreaterThan(100);
    expect(tally.clean).toBeGreaterThan(0);
  }, 600_000);
});
