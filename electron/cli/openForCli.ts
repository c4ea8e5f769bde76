import { resolve } from 'node:path';
import { contract, type ChannelName } from '../../shared/api/contract';
import type { Permission } from '../../shared/domain/permissions';
import { readKeyring, keyringPathFor } from '../../db/keyring';
import { unlockDatabase, type UnlockedDatabase } from '../app/database';
import { throttlePathFor, UnlockThrottle } from '../app/unlockThrottle';
import { requirePermission } from '../handlers/permissionGate';
import { stringOption, type ParsedArgs } from './args';
import { readPassphrase } from './passphrase';

/**
 * What a command needs, from the screens' permission table: the channel that does the same on a screen
 * (its permission and, when refused, the same audit entry), or a permission for work no screen offers.
 */
export type CliAccess = { channel: ChannelName } | { permission: Permission; command: string };

/**
 * Opens --db as --user (default: the first administrator, the one `init` created), counting wrong
 * passphrases with the app's, and refuses (exit 1, audited) when that user's role may not do `access`.
 */
export async function openForCli(args: ParsedArgs, access: CliAccess): Promise<UnlockedDatabase> {
  const dbPath = resolve(stringOption(args, 'db'));
  const keyring = readKeyring(keyringPathFor(dbPath));
  const username = stringOption(args, 'user', keyring.slots[0]?.username ?? 'admin');
  const passphrase = await readPassphrase(args);
  const unlocked = await new UnlockThrottle(throttlePathFor(dbPath)).attempt(username, () => unlockDatabase(dbPath, username, passphrase));
  try {
    if ('channel' in access) {
      const needed = contract[access.channel].access;
      if (needed !== 'public' && needed !== 'signedIn') await requirePermission(unlocked, needed, access.channel);
    } else await requirePermission(unlocked, access.permission, `cli:${access.command}`);
  } catch (error) {
    await unlocked.close();
    throw error;
  }
  return unlocked;
}
