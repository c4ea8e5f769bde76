import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFiles } from '../../../db/fileModes';
import { INSTALLATION_ROLES, type InstallationRole } from '../../../shared/domain/enums';
import { createDatabase } from '../../app/database';
import { changeInstallation, type InstallationChange, type InstallationView } from '../../services/installation';
import { flag, stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { readNewPassphrase } from '../passphrase';

// Setting an installation up from a script: the database with its administrator, its role and the
// contact point it is (`init`), and changing the last two later (`installation`), under the rules of the
// Exchange screen (electron/services/installation.ts).

const ROLE_WORDS = INSTALLATION_ROLES.map((r) => r.replace('_', '-'));

function roleOption(args: ParsedArgs): InstallationRole | undefined {
  if (!args.options.has('role')) return undefined;
  const word = stringOption(args, 'role');
  const role = INSTALLATION_ROLES.find((r) => r.replace('_', '-') === word);
  if (!role) throw new UsageError(`--role must be one of ${ROLE_WORDS.join(', ')}`);
  return role;
}

/** What --role and --contact-point CODE (or --no-contact-point) ask for. */
function changeOptions(args: ParsedArgs): InstallationChange {
  const change: InstallationChange = {};
  const role = roleOption(args);
  if (role) change.role = role;
  if (args.options.has('contact-point') && flag(args, 'no-contact-point')) throw new UsageError('Give --contact-point CODE or --no-contact-point, not both');
  if (args.options.has('contact-point')) change.contactPointCode = stringOption(args, 'contact-point');
  else if (flag(args, 'no-contact-point')) change.contactPointCode = null;
  return change;
}

function describe(identity: InstallationView): string {
  const role = identity.role.replace('_', '-');
  if (identity.contactPointPending) return `Role: ${role}; contact point ${identity.contactPointCode}: not in this database yet — it counts as this installation's once it is added (import --kind contact-points, or the Contact points screen).`;
  if (identity.contactPointCode) return `Role: ${role}; contact point ${identity.contactPointCode}.`;
  return `Role: ${role}; no contact point of its own.`;
}

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create a new encrypted database and its administrator, with the installation\'s role and the contact point it is',
  usage: `init --db FILE [--user NAME] [--name "Installation name"] [--role ${ROLE_WORDS.join('|')}] [--contact-point CODE] [--passphrase-env VAR]`,
  async run(args: ParsedArgs, out) {
    const dbPath = resolve(stringOption(args, 'db'));
    const username = stringOption(args, 'user', 'admin');
    const change = changeOptions(args);
    const passphrase = await readNewPassphrase(args);
    const db = await createDatabase({
      dbPath,
      username,
      displayName: stringOption(args, 'display-name', username),
      passphrase,
      installationName: stringOption(args, 'name', 'Legal Aid Desk'),
    });
    let identity: InstallationView;
    try {
      identity = await changeInstallation(db, change);
    } catch (error) {
      // Refused (a hub given a contact point): no half set-up database stays behind.
      await db.close();
      for (const file of databaseFiles(dbPath)) rmSync(file, { force: true });
      throw error;
    }
    await db.close();
    out(`Created encrypted database ${dbPath} (administrator: ${username}).`);
    out(describe(identity));
    out(`The key file ${dbPath}.keys.json must stay beside it; back up both together.`);
    return 0;
  },
};

export const installationCommand: CliCommand = {
  name: 'installation',
  summary: 'show or change the installation\'s role and the contact point it is (administrators; an installation with records does not become a hub, a hub with statistics takes no other role)',
  usage: `installation --db FILE [--role ${ROLE_WORDS.join('|')}] [--contact-point CODE | --no-contact-point]`,
  async run(args: ParsedArgs, out) {
    const change = changeOptions(args);
    const unlocked = await openForCli(args, { channel: 'exchange:setRole' });
    try {
      const identity = await changeInstallation(unlocked, change);
      out(`"${identity.name}" (${identity.installationId})`);
      out(describe(identity));
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
