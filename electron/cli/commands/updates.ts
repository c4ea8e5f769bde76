import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fingerprint, generateUpdateKeyPair, signUpdate, applyUpdate, type UpdatePayload } from '../../updates/signedUpdates';
import { withWrite } from '../../services/index';
import { stringOption, UsageError, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// For the network coordinator who publishes templates and legal references, and for installations
// that apply them from a file.

export const updateKeygenCommand: CliCommand = {
  name: 'update-keygen',
  summary: 'make a signing key pair for publishing updates (keep the private key off the laptops)',
  usage: 'update-keygen --out DIR',
  async run(args: ParsedArgs, out) {
    const dir = resolve(stringOption(args, 'out'));
    const keys = generateUpdateKeyPair();
    writeFileSync(join(dir, 'update-signing.key.pem'), keys.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'update-signing.pub.pem'), keys.publicKeyPem);
    out(`Wrote ${join(dir, 'update-signing.key.pem')} (private) and ${join(dir, 'update-signing.pub.pem')} (public).`);
    out(`Fingerprint to compare when installations trust it: ${fingerprint(keys.publicKeyPem)}`);
    return 0;
  },
};

export const signUpdateCommand: CliCommand = {
  name: 'sign-update',
  summary: 'sign an update (legal references and/or templates, as JSON) with the publisher key',
  usage: 'sign-update --key FILE.pem --key-id ID --in PAYLOAD.json --out UPDATE.json [--sequence N]',
  async run(args: ParsedArgs, out) {
    let payload: UpdatePayload;
    try {
      payload = JSON.parse(readFileSync(resolve(stringOption(args, 'in')), 'utf8')) as UpdatePayload;
    } catch {
      throw new UsageError('--in must be a readable JSON file');
    }
    // Installations refuse an update that is not newer than the last one applied from this key, so
    // every update must be numbered, higher than the previous one signed with the same key.
    const given = stringOption(args, 'sequence', String(payload.sequence ?? ''));
    if (!/^\d{1,15}$/.test(given)) throw new UsageError('Number the update: --sequence N (or "sequence" in the payload), higher than the last update signed with this key');
    payload = { ...payload, sequence: Number(given) };
    const signed = signUpdate(payload, stringOption(args, 'key-id'), readFileSync(resolve(stringOption(args, 'key')), 'utf8'));
    writeFileSync(resolve(stringOption(args, 'out')), signed);
    out(`Signed update written to ${stringOption(args, 'out')}.`);
    return 0;
  },
};

export const applyUpdateCommand: CliCommand = {
  name: 'apply-update',
  summary: 'apply a signed update of templates and legal references (refused unless signed by a trusted key)',
  usage: 'apply-update --db FILE UPDATE.json [--user NAME] [--passphrase-env VAR]',
  async run(args: ParsedArgs, out) {
    const file = args.positional[0];
    if (!file) throw new UsageError('Name the update file');
    const bytes = readFileSync(resolve(file));
    const s = await openForCli(args, { channel: 'updates:apply' });
    try {
      const result = await withWrite(s, (ctx) => applyUpdate(ctx, bytes));
      out(`Applied update ${result.sequence} signed by ${result.keyId}: ${result.legalReferences} legal references, ${result.templates} templates.`);
      return 0;
    } finally {
      await s.close();
    }
  },
};
