import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { FILE_KINDS, megabytes } from '../../../shared/api/files';
import { ATTACHMENT_TYPES, type AttachmentType } from '../../../shared/domain/enums';
import { translate } from '../../../shared/i18n';
import { sniffScan } from '../../documents/scans';
import { attachDocument } from '../../services/documents';
import { UsageError, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// `attach --db F --client ID|--case ID|--consultation ID --type TYPE FILE…`: a scanner's folder loaded
// from the command line. Every file is checked first (an image or a PDF by its content, within the size
// limit); if any is refused, each refusal is named and nothing is stored (exit 1). Photos are made
// smaller and stripped of their metadata as on the screen.

export const attachCommand: CliCommand = {
  name: 'attach',
  summary: 'store scanned papers or photos (JPEG, PNG, HEIC, PDF) with a client, a consultation or a case; refuses anything else or too large, and then stores nothing',
  usage: `attach --db FILE --client ID|--case ID|--consultation ID --type ${ATTACHMENT_TYPES.join('|')} FILE…`,
  async run(args: ParsedArgs, out) {
    const targets = (['client', 'case', 'consultation'] as const).filter((name) => args.options.has(name));
    if (targets.length !== 1) throw new UsageError('Give exactly one of --client, --case, --consultation');
    const target = targets[0]!;
    const id = stringOption(args, target);
    const type = stringOption(args, 'type') as AttachmentType;
    if (!ATTACHMENT_TYPES.includes(type)) throw new UsageError(`--type must be one of ${ATTACHMENT_TYPES.join(', ')}`);
    if (!args.positional.length) throw new UsageError('Give the files to attach');
    const files = args.positional.map((p) => resolve(p));

    const unlocked = await openForCli(args, { channel: 'documents:attach' });
    try {
      const refusals: string[] = [];
      const { maxBytes } = FILE_KINDS.scan;
      for (const path of files) {
        const name = basename(path);
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          refusals.push(`${name}: no such file`);
          continue;
        }
        if (size > maxBytes) refusals.push(`${name}: ${translate('en', 'validation.fileTooLarge', { megabytes: megabytes(maxBytes) })}`);
        else if (!sniffScan(readFileSync(path).subarray(0, 64))) refusals.push(translate('en', 'validation.notScan', { name }));
      }
      if (refusals.length) {
        out('Nothing stored:');
        for (const line of refusals) out(`  ${line}`);
        return 1;
      }
      const owner = target === 'client' ? { clientId: id } : target === 'case' ? { caseId: id } : { consultationId: id };
      for (const path of files) {
        try {
          const doc = await attachDocument(unlocked, { ...owner, type, fileName: basename(path), bytes: readFileSync(path) });
          out(`Stored ${basename(path)} as ${doc.fileName} (${doc.mimeType}, ${doc.sizeBytes} bytes), document ${doc.id}.`);
        } catch (error) {
          const field = error instanceof AppError ? error.fields?.find((f) => f.key === 'notScan' || f.key === 'unreadableScan') : undefined;
          if (!field) throw error;
          out(translate('en', `validation.${field.key}`, field.params ?? {}));
          return 1;
        }
      }
      return 0;
    } finally {
      await unlocked.close();
    }
  },
};
