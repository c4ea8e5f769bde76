import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/api/channels';
import { contract } from '../../shared/api/contract';
import { HANDLERS } from '../../electron/handlers/registry';

describe('the typed API', () => {
  it('has exactly one handler per contract channel, and channel names of the form area:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect([...HANDLERS.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/);
  });
});
