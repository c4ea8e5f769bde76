import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { findManifest, FILING_IDS } from '../../../templates/manifests';
import { generateFiling, prepareFiling } from '../../documents/filings';
import { appendReadAudit } from '../../handlers/dispatch';
import { checkFilingRespondent } from '../../services/conflicts';
import { UsageError, flag, stringOption, type ParsedArgs } from '../args';
import type { CliCommand } from '../command';
import { openForCli } from '../openForCli';

// `filing --db FILE --case ID --template ID --lang tg|ru --out FILE.docx [--answers FILE.json] [--allow-mixed]`:
// generates a filing from the case data (and the answers kept with the case). When a required field
// has no value it names the missing fields and writes nothing (exit code 1); so it does when a value is
// in the other language (Tajik letters in a Russian filing, Russian words in a Tajik one), unless
// --allow-mixed says the words are meant (a quotation, a name the check does not know).

export const filingCommand: CliCommand = {
  name: 'filing',
  summary: 'generate a court filing (.docx) for a case; names the missing fields instead of writing an incomplete one',
  usage: `filing --db FILE --case ID --template ID --lang tg|ru --out FILE.docx [--answers FILE.json] [--allow-mixed]  (templates: ${FILING_IDS.join(', ')})`,
  async run(args: ParsedArgs, out) {
    const caseId = stringOption(args, 'case');
    const templateId = stringOption(args, 'template');
    const lang = stringOption(args, 'lang');
    const outPath = resolve(stringOption(args, 'out'));
    if (lang !== 'tg' && lang !== 'ru') throw new UsageError('--lang must be tg or ru');
    const manifest = findManifest(templateId);
    if (!manifest) throw new UsageError(`Unknown template "${templateId}"; one of: ${FILING_IDS.join(', ')}`);
    let answers: Record<string, string> = {};
    const answersFile = args.options.get('answers');
    if (typeof answersFile === 'string') answers = JSON.parse(readFileSync(answersFile, 'utf8')) as Record<string, string>;
    const db = await openForCli(args, { channel: 'filings:save' });
    try {
      try {
        const g = await generateFiling(db.db, { caseId, templateId, language: lang, answers, allowMixed: flag(args, 'allow-mixed') });
        // A respondent named only in the answers is checked against the office's clients, as on the screen.
        await checkFilingRespondent(db, caseId, g.worked.resolved.fields);
        // The filled filing leaves the app as a file, as a preview does on the screen.
        await appendReadAudit(db, 'filings:preview', { caseId, templateId, language: lang }, 1);
        writeFileSync(outPath, g.content);
        out(`Wrote ${outPath} (${manifest.id} ${g.templateVersion}, legal references ${g.legalRefVersion}).`);
        const unconfirmed = g.worked.resolved.usedRefs.filter((r) => !r.confirmed).map((r) => r.key);
        if (unconfirmed.length) out(`Check against current law (unconfirmed): ${unconfirmed.join(', ')}`);
        return 0;
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION' && error.params?.missing) {
          const names = String(error.params.missing).split(', ');
          out('Not written: required fields have no value:');
          for (const name of names) {
            const label = manifest.fields.find((f) => f.name === name)?.label.en ?? manifest.lists.find((l) => l.name === name)?.label.en ?? name;
            out(`  ${name}: ${label}`);
          }
          return 1;
        }
        if (error instanceof AppError && error.code === 'CONFLICT_OF_INTEREST') {
          out(`Not written: the respondent matches ${String(error.params?.matches)} client(s) of this office. Enter him in the case (the screen shows the matching records and asks your decision).`);
          return 1;
        }
        if (error instanceof AppError && error.code === 'VALIDATION' && error.params?.otherLanguage) {
          const names = String(error.params.otherLanguage).split(', ');
          const prep = await prepareFiling(db.db, { caseId, templateId, language: lang, answers });
          out(`Not written: text not in ${lang === 'tg' ? 'Tajik' : 'Russian'} (translate it, or pass --allow-mixed):`);
          for (const name of names) {
            const label = manifest.fields.find((f) => f.name === name)?.label.en ?? manifest.lists.find((l) => l.name === name)?.label.en ?? name;
            const issue = prep.languageIssues.find((i) => i.field === name);
            const detail = issue?.words.length ? `: ${issue.words.slice(0, 5).join(', ')}` : issue?.draft ? ': still the other language\'s text' : '';
            out(`  ${name}: ${label}${detail}`);
          }
          return 1;
        }
        throw error;
      }
    } finally {
      await db.close();
    }
  },
};
