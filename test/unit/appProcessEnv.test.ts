import { afterEach, describe, expect, it, vi } from 'vitest';
import { appProcessEnv } from '../../electron/launcher/run';

// The app's processes on Linux start with two malloc arenas (the memory the image library's threads
// keep otherwise), unless the user set it otherwise; elsewhere the environment is left as it is.

afterEach(() => vi.unstubAllEnvs());

describe('the environment the app starts with', () => {
  it.runIf(process.platform === 'linux')('limits the malloc arenas on Linux, and keeps a value the user set', () => {
    vi.stubEnv('MALLOC_ARENA_MAX', undefined as unknown as string);
    delete process.env.MALLOC_ARENA_MAX;
    expect(appProcessEnv().MALLOC_ARENA_MAX).toBe('2');
    expect(appProcessEnv().PATH).toBe(process.env.PATH);
    vi.stubEnv('MALLOC_ARENA_MAX', '4');
    expect(appProcessEnv().MALLOC_ARENA_MAX).toBe('4');
  });
});
