import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runDbJob } from '../../app/dbJobs';
import { writePackage } from '../../exchange/exchangeService';
import { importPairing, listPeers, pairingFile, readIdentity, unpairPeer } from '../../exchange/identity';
import { actionToKeep, listConflicts, resolveConflict, type KeepChoice } from '../../exchange/conflicts';
import type { Db } from '../../../db/queries/writeContext';
import { AppError } from '../../../shared/api/errors';
import type { PeerSummary } from '../../../shared/api/exchangeTypes';
import { nodeIdFromInstallation, parseHlc } from '../../../shared/sync/hlc';
import { withWrite } from '../../services/index';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { translate, translateOr } from '../../../shared/i18n';
import { fieldKey, recordKindKey, valueKey } from '../../../shared/i18n/fieldWords';
import { upperFirst } from '../../../shared/i18n/format';
import { flag, stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';
import { openConfiguredHubPostgres, openHubPostgres } from '../../exchange/hubConnection';
import { importStatsToPostgres } from '../../exchange/hubPostgres';

// Exchange by files from the command line: pairing, and packages to and from a peer.

export const pairCommand: CliCommand = {
  name: 'pair',
  summary: 'write this installation\'s pairing file (--out), or trust a peer by importing its pairing file (--import); prints the fingerprints to compare',
  usage: 'pair --db FILE (--out FILE.pair.json | --import FILE.pair.json)',
  async run(args: ParsedArgs, out) {
    const outPath = args.options.has('out') ? resolve(stringOption(args, 'out')) : null;
    const importPath = args.options.has('import') ? resolve(stringOption(args, 'import')) : null;
    if (!outPath === !importPath) throw new UsageError('Give either --out or --import');
    const unlocked = await openForCli(args, { channel: outPath ? 'exchange:pairingFile' : 'exchange:importPairing' });
    try {
      const own = await readIdentity(unlocked.db);
      if (outPath) {
        writeFileSync(outPath, `${JSON.stringify(await pairingFile(unlocked.db), null, 2)}\n`);
        out(`Pairing file of "${own.name}" (${own.role}) written to ${outPath}.`);
      } else {
        const json = readFileSync(importPath!, 'utf8');
        const peer = await withWrite(unlocked, (ctx) => importPairing(ctx, json));
        out(`Paired with "${peer.name}" (${peer.role}, ${peer.installationId}).`);
        out(`Its fingerprint: ${peer.fingerprint} — compare it with the one its screen shows.`);
      }
      out(`This installation's fingerprint: ${own.fingerprint}`);
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};

/** A paired installation by its id or its name, or a usage error that lists the paired ones. */
async function findPeerNamed(db: Db, target: string): Promise<PeerSummary> {
  const peers = await listPeers(db);
  const peer = peers.find((p) => p.installationId === target) ?? peers.find((p) => p.name === target);
  if (!peer) throw new UsageError(`No paired installation "${target}". Paired: ${peers.map((p) => `${p.name} (${p.installationId})`).join(', ') || 'none'}`);
  return peer;
}

export const exportPackageCommand: CliCommand = {
  name: 'export-package',
  summary: 'write an encrypted, signed package for a paired installation: all changes it has not confirmed, or (--stats) the de-identified statistics of a period for the hub, or (--network-key) the network secret for another contact point',
  usage: 'export-package --db FILE --to PEER_ID_OR_NAME --out FILE [--with-attachments] [--stats --from YYYY-MM-DD --to-date YYYY-MM-DD | --network-key]  (--with-attachments: a full package also carries scanned papers and photos)',
  async run(args: ParsedArgs, out) {
    const target = stringOption(args, 'to');
    const outPath = resolve(stringOption(args, 'out'));
    const stats = flag(args, 'stats');
    const kind = stats ? 'stats' : flag(args, 'network-key') ? 'networkKey' : 'full';
    let period: { from: string; to: string } | undefined;
    if (stats) {
      period = { from: stringOption(args, 'from'), to: stringOption(args, 'to-date') };
      if (!isValidIsoDate(period.from) || !isValidIsoDate(period.to) || period.from > period.to) throw new UsageError('--from and --to-date must be dates as YYYY-MM-DD, in order');
    }
    const unlocked = await openForCli(args, { channel: 'exchange:exportPackage' });
    try {
      const peer = await findPeerNamed(unlocked.db, target);
      const file = await writePackage(unlocked, peer.installationId, { kind, ...(period ?? {}), ...(flag(args, 'with-attachments') ? { withAttachments: true } : {}) }, outPath);
      out(`Package ${file.packageId} for "${peer.name}" written to ${outPath} (${Object.entries(file.counts).map(([k, v]) => `${k}: ${v}`).join(', ') || kind}).`);
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};

export const importPackageCommand: CliCommand = {
  name: 'import-package',
  summary: 'check and apply a package from a paired installation (refused, with the reason, if it is damaged, forged or meant for another installation)',
  usage: 'import-package --db FILE PACKAGE [--pg postgres://…|pglite:DIR]  (--pg: a hub keeps the statistics in PostgreSQL)',
  async run(args: ParsedArgs, out) {
    const path = args.positional[0];
    if (!path) throw new UsageError('Give the package file');
    const file = resolve(path);
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const unlocked = await openForCli(args, { channel: 'exchange:importPackage' });
    const pgUrl = args.options.has('pg') ? stringOption(args, 'pg') : null;
    const pg = pgUrl ? await openHubPostgres(pgUrl, unlocked.installation) : await openConfiguredHubPostgres(unlocked, unlocked.installation);
    try {
      // Merged in the job worker, as the app merges it (electron/app/dbJobs.ts).
      const result = pg ? await importStatsToPostgres(unlocked, pg, file) : await runDbJob(unlocked, 'importPackage', { file });
      if (result.alreadyApplied) out(`Package ${result.packageId} from "${result.senderName}" was applied before; nothing changed.`);
      else out(`Package ${result.packageId} (${result.kind}) from "${result.senderName}" applied: ${Object.entries(result.counts).map(([k, v]) => `${k}: ${v}`).join(', ')}.`);
      return 0;
    } finally {
      await pg?.destroy();
      await unlocked.close();
    }
  },
};

/**
 * A conflict's record and field as the Exchange screen names them, in the command line's English
 * ("Client 0193… Village"); a table or column without words keeps its name.
 */
export function conflictWords(c: { tableName: string; columnName: string }): { record: string; field: string; value: (v: unknown) => string } {
  const kind = translateOr('en', recordKindKey(c.tableName), '');
  const key = fieldKey(c.tableName, c.columnName);
  return {
    record: kind ? upperFirst(kind, 'en') : c.tableName,
    field: key ? `"${translate('en', key)}"` : c.columnName,
    value: (v) => {
      const word = valueKey(c.tableName, c.columnName, v);
      return word ? `${JSON.stringify(v)} (${translate('en', word)})` : JSON.stringify(v);
    },
  };
}

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  summary: 'list the conflicts to check (--all: the closed ones too), or close one (--resolve ID --keep mine|theirs|kept|other): the same queue as the Exchange screen',
  usage: 'conflicts --db FILE [--all] [--format text|json] [--resolve ID --keep mine|theirs|kept|other]',
  async run(args: ParsedArgs, out) {
    const id = args.options.has('resolve') ? stringOption(args, 'resolve') : null;
    const keep = id ? stringOption(args, 'keep') : null;
    if (keep && !(['mine', 'theirs', 'kept', 'other'] as const).includes(keep as KeepChoice)) throw new UsageError('--keep must be mine, theirs, kept or other');
    const unlocked = await openForCli(args, { channel: id ? 'exchange:resolveConflict' : 'exchange:conflicts' });
    try {
      if (id) {
        const conflict = (await listConflicts(unlocked.db, true, id))[0];
        if (!conflict) throw new AppError('NOT_FOUND', 'No such conflict');
        const action = actionToKeep(conflict, unlocked.installation.id, keep as KeepChoice);
        const outcome = await withWrite(unlocked, (ctx) => resolveConflict(ctx, id, action, new Date().toISOString()));
        const { record, field } = conflictWords(conflict);
        out(
          outcome === 'recordDeleted'
            ? `Conflict ${id} closed: the record (${record} ${conflict.rowId}) was deleted since, and the deletion stands (the other value was not written).`
            : outcome === 'swap'
              ? `Conflict ${id} closed: ${field} of ${record} ${conflict.rowId} now holds the other value again (a new change, sent with the next package).`
              : `Conflict ${id} closed: ${field} of ${record} ${conflict.rowId} keeps its value.`,
        );
        return 0;
      }
      const list = await listConflicts(unlocked.db, flag(args, 'all'));
      if (stringOption(args, 'format', 'text') === 'json') {
        out(JSON.stringify(list, null, 2));
        return 0;
      }
      if (list.length === 0) out('No conflicts to check.');
      const here = nodeIdFromInstallation(unlocked.installation.id);
      const whose = (hlc: string) => (parseHlc(hlc).node === here ? 'made here' : 'from elsewhere');
      for (const c of list) {
        const { record, field, value } = conflictWords(c);
        out(`${c.id}  ${record} ${c.rowId}: ${field}${c.recordDeleted ? '  (record deleted since)' : ''}${c.resolution ? `  [closed: ${c.resolution}]` : ''}`);
        out(`    kept:  ${value(c.keptValue)} (${whose(c.keptHlc)})`);
        out(`    other: ${value(c.lostValue)} (${whose(c.lostHlc)})`);
      }
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};

export const unpairCommand: CliCommand = {
  name: 'unpair',
  summary: 'stop trusting a paired installation (a lost or stolen computer): its packages are refused from then on (administrators); pair again to replace it',
  usage: 'unpair --db FILE --peer PEER_ID_OR_NAME',
  async run(args: ParsedArgs, out) {
    const target = stringOption(args, 'peer');
    const unlocked = await openForCli(args, { channel: 'exchange:unpair' });
    try {
      const peer = await findPeerNamed(unlocked.db, target);
      await withWrite(unlocked, (ctx) => unpairPeer(ctx, peer.installationId));
      out(`"${peer.name}" (${peer.installationId}) is no longer paired: its packages are refused from now on.`);
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
