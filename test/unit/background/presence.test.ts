/**
 * Availability in the background: read from the provider when asked, switched and read again (the
 * answer is the provider's fresh state, never what was asked for), the DND badge behind a live
 * call's, the keyboard command, and the alarm that keeps the badge honest only while DND is on.
 */

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CALL_BADGE_TEXT, DND_BADGE_TEXT } from '../../../src/background/badge';
import { PRESENCE_ALARM } from '../../../src/background/presence';
import type { PresenceView } from '../../../src/messages';
import { FONEMA_TEST_ACCOUNT } from '../../sim/providers/fonema';
import { SIPGATE_TEST_ACCOUNT } from '../../sim/providers/sipgate';
import { badgeText, shownNotifications } from './fake-browser';
import {
  configure,
  FONEMA_LOGIN,
  FONIAL_LOGIN,
  fonemaAccount,
  fonialAccount,
  SIPGATE_LOGIN,
  send,
  sipgateAccount,
  useBackground,
  value,
} from './harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const env = useBackground();
/** Generous: the command and the alarm run unawaited in the background, on a loaded machine. */
const SLOW = { timeout: 10_000 };
const TOKEN = SIPGATE_TEST_ACCOUNT.tokenId;

const useSipgate = () => configure([sipgateAccount(env.sim)], { mobile: SIPGATE_LOGIN });
const useFonema = () => configure([fonemaAccount(env.sim)], { madrid: FONEMA_LOGIN });
const allDnd = (dnd: boolean) => {
  for (const device of SIPGATE_TEST_ACCOUNT.devices) env.sim.sipgate.setDnd(TOKEN, device.id, dnd);
};

describe('presence requests', () => {
  it('reads the state from the provider each time it is asked', async () => {
    await useSipgate();
    await expect(value<PresenceView>({ type: 'presence' })).resolves.toEqual({
      accountId: 'mobile',
      states: ['available', 'dnd'],
      state: 'available',
    });
    allDnd(true);
    await expect(value<PresenceView>({ type: 'presence' })).resolves.toMatchObject({ state: 'dnd' });
  });

  it('shows what the provider reports after a switch, not what was asked for', async () => {
    await useSipgate();
    // sipgate accepts the change of the mobile phone but keeps it ringing.
    env.sim.sipgate.keptDnd.add('x0');
    const after = await value<PresenceView>({ type: 'set-presence', state: 'dnd' });
    expect(after).toEqual({ accountId: 'mobile', states: ['available', 'dnd'], state: 'available' });
    expect(env.sim.received('sipgate', '/devices/x0')).toHaveLength(1);
    expect(await badgeText()).toBe('');
  });

  it('a refused switch says why and shows the state the provider still has', async () => {
    await useFonema();
    env.sim.fonema.setPresence(FONEMA_TEST_ACCOUNT.id, 'away');
    env.sim.fault({ kind: 'server-error', provider: 'fonema', path: '/changePresenceStatus', status: 503 });
    const after = await value<PresenceView>({ type: 'set-presence', state: 'dnd' });
    expect(after).toEqual({
      accountId: 'madrid',
      states: ['available', 'away', 'dnd', 'offline'],
      state: 'away',
      failure: { reason: 'errUnavailable', details: ['503'] },
    });
    expect(env.sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('away');
  });

  it('an error answer from a PBX that switched anyway: the reason, and the state it really has', async () => {
    await useFonema();
    env.sim.fault({
      kind: 'bad-body',
      provider: 'fonema',
      path: '/changePresenceStatus',
      status: 500,
      body: '{"message":"Error interno"}',
    });
    const after = await value<PresenceView>({ type: 'set-presence', state: 'dnd' });
    expect(after).toMatchObject({ state: 'dnd', failure: { reason: 'errFonemaRejected', details: ['Error interno'] } });
  });

  it('keeps the reason when even the read after a failed switch fails, and claims no state', async () => {
    await useSipgate();
    env.sim.fault({ kind: 'server-error', provider: 'sipgate', status: 503 });
    const after = await value<PresenceView>({ type: 'set-presence', state: 'dnd' });
    expect(after.state).toBeUndefined();
    expect(after.failure?.reason).toBe('errUnavailable');
  });

  it('offers nothing for a provider without presence, and refuses a switch there', async () => {
    await expect(value<PresenceView>({ type: 'presence' })).resolves.toEqual({ accountId: 'office', states: [] });
    await expect(value<PresenceView>({ type: 'set-presence', state: 'dnd' })).resolves.toEqual({
      accountId: 'office',
      states: [],
      failure: { reason: 'errPresenceUnsupported' },
    });
    expect(await send({ type: 'set-presence', state: 'busy' })).toMatchObject({ ok: false });
  });
});

describe('badge, command and alarm', () => {
  it('shows DND on the badge while it is on, with a slow alarm only then', async () => {
    await useSipgate();
    await value({ type: 'set-presence', state: 'dnd' });
    expect(await badgeText()).toBe(DND_BADGE_TEXT);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 5 });
    await value({ type: 'set-presence', state: 'available' });
    expect(await badgeText()).toBe('');
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('lets a live call take the badge, and shows DND again once the call is over', async () => {
    await useSipgate();
    await value({ type: 'set-presence', state: 'dnd' });
    const report = await value<{ phase: string }>({ type: 'call', number: '+4922166966966' });
    expect(report.phase).toBe('ringing');
    expect(await badgeText()).toBe(CALL_BADGE_TEXT);
    // A read while the call is live keeps the call on the badge.
    await value({ type: 'presence' });
    expect(await badgeText()).toBe(CALL_BADGE_TEXT);
    await value({ type: 'hang-up' });
    await vi.waitFor(async () => expect(await badgeText()).toBe(DND_BADGE_TEXT), SLOW);
  });

  it('the keyboard command toggles DND from what the provider reports', async () => {
    await useSipgate();
    await env.browser.command.fire('toggle-dnd', undefined);
    await vi.waitFor(async () => expect(await badgeText()).toBe(DND_BADGE_TEXT), SLOW);
    expect(SIPGATE_TEST_ACCOUNT.devices.map((d) => env.sim.sipgate.dnd(TOKEN, d.id))).toEqual([true, true, true]);
    await env.browser.command.fire('toggle-dnd', undefined);
    await vi.waitFor(async () => expect(await badgeText()).toBe(''), SLOW);
    expect(SIPGATE_TEST_ACCOUNT.devices.map((d) => env.sim.sipgate.dnd(TOKEN, d.id))).toEqual([false, false, false]);
  });

  it('the command says why in a notification when it cannot switch', async () => {
    await configure([fonialAccount(env.sim)], { office: FONIAL_LOGIN });
    await env.browser.command.fire('toggle-dnd', undefined);
    await vi.waitFor(
      async () =>
        expect(Object.values(await shownNotifications()).map((n) => n.message)).toEqual(['errPresenceUnsupported']),
      SLOW,
    );
  });

  it('the alarm follows a DND switched off elsewhere, then stops', async () => {
    await useSipgate();
    await value({ type: 'set-presence', state: 'dnd' });
    allDnd(false);
    await fakeBrowser.alarms.onAlarm.trigger({ name: PRESENCE_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await badgeText()).toBe(''), SLOW);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('drops the DND badge when another account becomes the active one', async () => {
    await useSipgate();
    await value({ type: 'set-presence', state: 'dnd' });
    await configure([fonialAccount(env.sim), sipgateAccount(env.sim)], { office: FONIAL_LOGIN, mobile: SIPGATE_LOGIN });
    await vi.waitFor(async () => expect(await badgeText()).toBe(''), SLOW);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });
});
