import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { getMeta, setMeta } from '../../db/queries/meta';
import { audit, type WriteCtx } from '../../db/queries/writeContext';
import { insertRow, updateRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { UpdateResult } from '../../shared/api/securityTypes';
import { importTemplate } from '../documents/customTemplates';
import { templatesDir } from '../documents/resources';

// Templates and legal references brought from outside (a USB stick from the network's coordinator)
// are applied only from update files signed (Ed25519) by a trusted key: the keys shipped in
// templates/trusted-keys.json, or keys an administrator added after comparing their fingerprint.
// The whole update is applied in one transaction, or not at all.
//
// Each publisher numbers its updates (`sequence`); an installation remembers the newest number applied
// per signing key and refuses one that is not newer, so an old update (genuinely signed) can never roll
// a legal reference or a template back. An update signed before numbering existed counts as number 0:
// it applies only where nothing numbered from that key has been applied yet, and only once.

const TRUST_META_KEY = 'trust.updateKeys';
const APPLIED_META_KEY = 'trust.appliedSequences';
const appliedSchema = z.record(z.string(), z.number().int().min(0));

const trustedKeySchema = z.object({ id: z.string().min(1), name: z.string(), publicKeyPem: z.string().includes('PUBLIC KEY') });
export type TrustedKey = z.infer<typeof trustedKeySchema>;

const bundleSchema = z.object({
  format: z.literal('legal-aid-desk/update'),
  version: z.literal(1),
  keyId: z.string(),
  payload: z.string(),
  signature: z.string(),
});

const payloadSchema = z.object({
  issuedAt: z.string(),
  /** Grows with every update the publisher signs with one key. */
  sequence: z.number().int().min(0).default(0),
  description: z.string().max(2000).default(''),
  legalReferences: z
    .array(
      z.object({
        key: z.string().min(1).max(100),
        textTg: z.string().max(5000),
        textRu: z.string().max(5000),
        textEn: z.string().max(5000),
        value: z.string().max(500).default(''),
        source: z.string().max(1000).default(''),
        /** A publisher may ship an entry already checked against the law in force. */
        confirmed: z.boolean().default(false),
      }),
    )
    .default([]),
  templates: z.array(z.object({ templateId: z.string(), language: z.enum(['tg', 'ru']), docxBase64: z.string() })).default([]),
});
export type UpdatePayload = z.input<typeof payloadSchema>;

export function fingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return (createHash('sha256').update(der).digest('hex').slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join('-');
}

export function shippedTrustedKeys(dir = templatesDir()): TrustedKey[] {
  const file = join(dir, 'trusted-keys.json');
  if (!existsSync(file)) return [];
  return z.array(trustedKeySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export async function trustedKeys(ctx: Pick<WriteCtx, 'trx'>): Promise<TrustedKey[]> {
  const added = JSON.parse((await getMeta(ctx.trx, TRUST_META_KEY)) ?? '[]') as unknown;
  return [...shippedTrustedKeys(), ...z.array(trustedKeySchema).parse(added)];
}

export async function addTrustedKey(ctx: WriteCtx, key: TrustedKey): Promise<string> {
  const parsed = trustedKeySchema.parse(key);
  const fp = fingerprint(parsed.publicKeyPem);
  const current = z.array(trustedKeySchema).parse(JSON.parse((await getMeta(ctx.trx, TRUST_META_KEY)) ?? '[]'));
  await setMeta(ctx.trx, TRUST_META_KEY, JSON.stringify([...current.filter((k) => k.id !== parsed.id), parsed]));
  await audit(ctx, 'trust.addKey', 'settings', null, { keyId: parsed.id, fingerprint: fp });
  return fp;
}

/** For the publisher: a new signing key pair (PEM). The private key never goes into the app. */
export function generateUpdateKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function signUpdate(payload: UpdatePayload, keyId: string, privateKeyPem: string): string {
  const bytes = Buffer.from(JSON.stringify(payloadSchema.parse(payload)), 'utf8');
  const signature = sign(null, bytes, createPrivateKey(privateKeyPem));
  return JSON.stringify({ format: 'legal-aid-desk/update', version: 1, keyId, payload: bytes.toString('base64'), signature: signature.toString('base64') }, null, 2);
}

/** Checks the signature against the trusted keys; returns the payload, or throws with the reason. */
export async function verifyUpdate(ctx: Pick<WriteCtx, 'trx'>, fileBytes: Buffer): Promise<z.output<typeof payloadSchema>> {
  let bundle: z.infer<typeof bundleSchema>;
  try {
    bundle = bundleSchema.parse(JSON.parse(fileBytes.toString('utf8')));
  } catch {
    throw new AppError('BAD_REQUEST', 'This is not a Legal Aid Desk update file', undefined, { reason: 'format' });
  }
  const key = (await trustedKeys(ctx)).find((k) => k.id === bundle.keyId);
  if (!key) throw new AppError('FORBIDDEN', 'The update is signed by a key this installation does not trust', undefined, { reason: 'untrusted' });
  const bytes = Buffer.from(bundle.payload, 'base64');
  const ok = verify(null, bytes, createPublicKey(key.publicKeyPem), Buffer.from(bundle.signature, 'base64'));
  if (!ok) throw new AppError('FORBIDDEN', 'The update’s signature does not match: the file was changed after signing', undefined, { reason: 'signature' });
  try {
    return payloadSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new AppError('BAD_REQUEST', 'The signed update has an unknown content', undefined, { reason: 'content' });
  }
}

async function appliedSequences(ctx: Pick<WriteCtx, 'trx'>): Promise<Record<string, number>> {
  return appliedSchema.parse(JSON.parse((await getMeta(ctx.trx, APPLIED_META_KEY)) ?? '{}'));
}

export async function applyUpdate(ctx: WriteCtx, fileBytes: Buffer): Promise<UpdateResult> {
  const payload = await verifyUpdate(ctx, fileBytes);
  const keyId = (JSON.parse(fileBytes.toString('utf8')) as { keyId: string }).keyId;
  const applied = await appliedSequences(ctx);
  const newest = applied[keyId];
  if (newest !== undefined && payload.sequence <= newest) {
    throw new AppError('CONFLICT', `This update (number ${payload.sequence}) is not newer than update ${newest} already applied from the same publisher`, undefined, {
      reason: 'notNewer',
      sequence: payload.sequence,
      newest,
    });
  }
  for (const ref of payload.legalReferences) {
    const values = { text_tg: ref.textTg, text_ru: ref.textRu, text_en: ref.textEn, value: ref.value, source: ref.source, confirmed: ref.confirmed ? 1 : 0 };
    const existing = await ctx.trx.selectFrom('legal_references').select('id').where('key', '=', ref.key).where('deleted_at', 'is', null).executeTakeFirst();
    if (existing) await updateRow(ctx.trx, ctx.w, 'legal_references', existing.id, values);
    else await insertRow(ctx.trx, ctx.w, 'legal_references', { key: ref.key, ...values });
  }
  for (const tpl of payload.templates) {
    const result = await importTemplate(ctx, tpl.templateId, tpl.language, Buffer.from(tpl.docxBase64, 'base64'));
    if (!result.accepted) {
      throw new AppError('VALIDATION', `Template ${tpl.templateId} (${tpl.language}) does not match its manifest`, [
        ...result.unknown.map((p) => ({ path: `templates.${tpl.templateId}.${tpl.language}`, key: 'unknownPlaceholder', params: { name: p } })),
        ...result.missing.map((p) => ({ path: `templates.${tpl.templateId}.${tpl.language}`, key: 'missingPlaceholder', params: { name: p } })),
        ...result.passages.map((p) => ({ path: `templates.${tpl.templateId}.${tpl.language}`, key: 'passageMarker', params: { name: p.name } })),
      ]);
    }
  }
  await setMeta(ctx.trx, APPLIED_META_KEY, JSON.stringify({ ...applied, [keyId]: payload.sequence }));
  await audit(ctx, 'update.apply', 'settings', null, { keyId, sequence: payload.sequence, legalReferences: payload.legalReferences.length, templates: payload.templates.length });
  return { legalReferences: payload.legalReferences.length, templates: payload.templates.length, keyId, sequence: payload.sequence };
}
