import { resolve } from 'node:path';
import { readKeyring, keyringPathFor } from '../../db/keyring';
import { unlockDatabase, type UnlockedDatabase } from '../app/database';
import { stringOption, type ParsedArgs } from './args';
import { readPassphrase } from './passphrase';

/** Opens --db as --user (default: the first administrator, the one `init` created). */
export async function openForCli(args: ParsedArgs): Promise<UnlockedDatabase> {
  const dbPath = resolve(stringOption(args, 'db'));
  const keyring = readKeyring(keyringPathFor(dbPath));
  const username = stringOption(args, 'user', keyring.slots[0]?.username ?? 'admin');
  const passphrase = await readPassphrase(args);
  return unlockDatabase(dbPath, username, passphrase);
}
