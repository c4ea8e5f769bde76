import { afterEach, describe, expect, it } from 'vitest';
import { clientInput } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The app has one idle clock, in the main process: the interface reports typing and clicks to it and
// asks it what is left, so a long form is never locked out of its save, and an idle app locks.

let t: TestApp;
afterEach(async () => t?.cleanup());

const MINUTE = 60 * 1000;

describe('one idle clock', () => {
  it('typing keeps the session open through a long form; asking the time left does not', async () => {
    let now = 1_000_000;
    t = await createTestApp({ now: () => now });
    await t.call('settings:save', { idleLockMinutes: 5, retentionYears: 5 });
    expect(await t.call('idle:remaining', {})).toEqual({ remainingMs: 5 * MINUTE });

    // Twelve minutes of typing a client's file, with no call but the activity reports, then the save.
    for (let i = 0; i < 3; i += 1) {
      now += 4 * MINUTE;
      expect(await t.call('idle:activity', {})).toEqual({ remainingMs: 5 * MINUTE });
    }
    now += 4 * MINUTE;
    const saved = await t.call('clients:save', clientInput());
    expect(saved.client.surname).toBe('Раҳимова');

    // Then nobody touches anything; the interface asks what is left, which changes nothing.
    now += 3 * MINUTE;
    expect(await t.call('idle:remaining', {})).toEqual({ remainingMs: 2 * MINUTE });
    now += 2 * MINUTE;
    expect(await t.call('idle:remaining', {})).toEqual({ remainingMs: 0 });
    now += 1;
    expect(await t.call('idle:remaining', {})).toEqual({ remainingMs: null });
    expect((await t.call('app:status', {})).state).toBe('locked');
    expect(await t.raw('idle:activity', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.raw('clients:save', clientInput())).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('an activity report after the idle time is too late: the app is already locked', async () => {
    let now = 1_000_000;
    t = await createTestApp({ now: () => now });
    await t.call('settings:save', { idleLockMinutes: 1, retentionYears: 5 });
    now += MINUTE + 1;
    expect(await t.raw('idle:activity', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await t.call('app:status', {})).state).toBe('locked');
  });
});
