import { afterEach, describe, expect, it, vi } from 'vitest';
import { appProcessEnv } from '../../electron/launcher/run';

// The app's processes on Linux start with two malloc arenas and a fixed mmap threshold (the memory glibc
// keeps otherwise), unless the user set them otherwise; elsewhere the environment is left as it is.

afterEach(() => vi.unstubAllEnvs());

describe('the environment the app starts with', () => {
  it.runIf(process.platform === 'linux')('limits the malloc arenas and fixes the mmap threshold on Linux, and keeps a value the user set', () => {
    for (const name of ['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']) {
      vi.stubEnv(name, undefined as unknown as string);
      delete process.env[name];
    }
    expect(appProcessEnv().MALLOC_ARENA_MAX).toBe('2');
    expect(appProcessEnv().MALLOC_MMAP_THRESHOLD_).toBe('131072');
    expect(appProcessEnv().PATH).toBe(process.env.PATH);
    vi.stubEnv('MALLOC_ARENA_MAX', '4');
    vi.stubEnv('MALLOC_MMAP_THRESHOLD_', '65536');
    expect(appProcessEnv().MALLOC_ARENA_MAX).toBe('4');
    expect(appProcessEnv().MALLOC_MMAP_THRESHOLD_).toBe('65536');
  });
});
