import { describe, expect, it } from 'vitest';
import { HybridClock, isHlc, MAX_DRIFT_MS, parseHlc } from '../../shared/sync/hlc';
import { uuidv7, UUID_RE } from '../../shared/util/uuidv7';

describe('hybrid logical clock', () => {
  it('gives strictly increasing stamps even when the wall clock stands still or goes back', () => {
    let wall = 1_700_000_000_000;
    const clock = new HybridClock('a'.repeat(16), undefined, () => wall);
    const a = clock.tick();
    const b = clock.tick();
    wall -= 60_000; // the laptop's clock is set back a minute
    const c = clock.tick();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c).millis).toBe(1_700_000_000_000);
    expect(isHlc(c)).toBe(true);
  });

  it('moves past a remote stamp so the next local change wins over it', () => {
    let wall = 1_000_000;
    const local = new HybridClock('1'.repeat(16), undefined, () => wall);
    const remote = new HybridClock('2'.repeat(16), undefined, () => wall + 5_000);
    const r = remote.tick();
    local.receive(r);
    expect(local.tick() > r).toBe(true);
    wall += 1;
    expect(local.tick() > r).toBe(true);
  });

  it('refuses a remote stamp more than a day in the future', () => {
    const local = new HybridClock('1'.repeat(16), undefined, () => 1_000_000);
    const far = new HybridClock('2'.repeat(16), undefined, () => 1_000_000 + MAX_DRIFT_MS + 1).tick();
    expect(() => local.receive(far)).toThrow(/too far ahead/);
  });

  it('restarts after the last stamp a database has seen', () => {
    const first = new HybridClock('1'.repeat(16), undefined, () => 5_000);
    const last = first.tick();
    const restarted = new HybridClock('1'.repeat(16), last, () => 1_000);
    expect(restarted.tick() > last).toBe(true);
  });
});

describe('uuidv7', () => {
  it('makes valid, unique, time-ordered ids', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_RE);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]![14]).toBe('7');
  });
});
