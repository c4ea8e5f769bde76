import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseType } from '../../shared/domain/enums';
import { createDatabase } from '../app/database';
import { generateFiling } from '../documents/filings';
import type { FilingSample } from './caseLife';
import { DEMO_CASES, seedDemo } from './demo';

// Filling 30,000 DOCX filings one by one would take longer than the rest of the seed, so the national
// seed stores real filings generated once: the demo data set is seeded into a throw-away database,
// each demo case (one per template) gets its filing from the real generator, and those bytes are
// stored with every case of that type. Sizes, hashes and the change log are therefore real.

const CHEAP_KDF = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export async function makeFilingSamples(): Promise<Map<CaseType, FilingSample>> {
  const dir = mkdtempSync(join(tmpdir(), 'lad-filing-samples-'));
  const samples = new Map<CaseType, FilingSample>();
  try {
    const db = await createDatabase({ dbPath: join(dir, 'samples.db'), username: 'admin', displayName: 'admin', passphrase: 'samples only, never kept', installationName: 'samples', kdf: CHEAP_KDF });
    try {
      const seeded = await seedDemo(db);
      for (const [i, d] of DEMO_CASES.entries()) {
        const templateId = d.caseType.replace(/_/g, '-');
        const g = await generateFiling(db.db, { caseId: seeded.caseIds[i]!, templateId, language: 'tg', today: '2024-04-10' });
        samples.set(d.caseType, {
          templateId,
          title: g.title,
          content: g.content,
          sha256: createHash('sha256').update(g.content).digest('hex'),
          templateVersion: g.templateVersion,
          legalRefVersion: g.legalRefVersion,
        });
      }
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}
