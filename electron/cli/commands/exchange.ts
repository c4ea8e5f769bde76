import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importPackage, writePackage } from '../../exchange/exchangeService';
import { importPairing, listPeers, pairingFile, readIdentity } from '../../exchange/identity';
import { withWrite } from '../../services/index';
import { isValidIsoDate } from '../../../shared/domain/dates';
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

export const exportPackageCommand: CliCommand = {
  name: 'export-package',
  summary: 'write an encrypted, signed package for a paired installation: all changes it has not confirmed, or (--stats) the de-identified statistics of a period for the hub, or (--network-key) the network secret for another contact point',
  usage: 'export-package --db FILE --to PEER_ID_OR_NAME --out FILE [--stats --from YYYY-MM-DD --to-date YYYY-MM-DD | --network-key]',
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
      const peers = await listPeers(unlocked.db);
      const peer = peers.find((p) => p.installationId === target) ?? peers.find((p) => p.name === target);
      if (!peer) throw new UsageError(`No paired installation "${target}". Paired: ${peers.map((p) => `${p.name} (${p.installationId})`).join(', ') || 'none'}`);
      const file = await writePackage(unlocked, peer.installationId, { kind, ...(period ?? {}) }, outPath);
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
      const result = pg ? await importStatsToPostgres(unlocked, pg, file) : await importPackage(unlocked, file);
      if (result.alreadyApplied) out(`Package ${result.packageId} from "${result.senderName}" was applied before; nothing changed.`);
      else out(`Package ${result.packageId} (${result.kind}) from "${result.senderName}" applied: ${Object.entries(result.counts).map(([k, v]) => `${k}: ${v}`).join(', ')}.`);
      return 0;
    } finally {
      await pg?.destroy();
      await unlocked.close();
    }
  },
};
