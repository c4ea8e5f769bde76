import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { TEMPLATES_DIR } from '../../electron/documents/buildTemplates';
import { importTemplate } from '../../electron/documents/customTemplates';
import { legalRefs, saveLegalRef } from '../../electron/services/legalRefs';
import { decideProposal, listProposals } from '../../electron/services/proposals';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, write } from './network';

// Templates and legal references from a paired installation arrive as proposals: the receiving
// installation keeps its own until its administrator accepts them.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;

async function ref(db: UnlockedDatabase, key: string) {
  return (await legalRefs(db.db)).find((r) => r.key === key)!;
}

async function activeTemplates(db: UnlockedDatabase) {
  return db.db.selectFrom('template_versions').select(['template_id', 'language', 'version']).where('active', '=', 1).where('deleted_at', 'is', null).execute();
}

beforeAll(async () => {
  dir = tempDir('lad-proposals-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
});
afterAll(async () => {
  await cp.close();
  await team.close();
});

describe('templates and legal references from a paired installation', () => {
  it('wait as proposals; the local version stays in force until an administrator accepts or rejects', async () => {
    const [first, second] = await legalRefs(team.db);
    const shippedFirst = await ref(cp, first!.key);
    const shippedSecond = await ref(cp, second!.key);
    await saveLegalRef(team, { id: first!.id, textTg: 'матни нав 1', textRu: 'новый текст 1', textEn: 'new text 1', value: '999', source: 'team' });
    await saveLegalRef(team, { id: second!.id, textTg: 'матни нав 2', textRu: 'новый текст 2', textEn: 'new text 2', value: '888', source: 'team' });
    await write(team, (ctx) => importTemplate(ctx, 'divorce', 'tg', readFileSync(join(TEMPLATES_DIR, 'divorce.tg.docx'))));

    const result = await deliver(await pack(team, cp));
    // An edit of a reference may be more than one message: one proposal per row.
    expect(result.counts).toMatchObject({ proposed: 4 });
    // Nothing of it is in force on the contact point.
    expect(await ref(cp, first!.key)).toEqual(shippedFirst);
    expect(await ref(cp, second!.key)).toEqual(shippedSecond);
    expect(await activeTemplates(cp)).toEqual([]);

    const proposals = await listProposals(cp);
    expect(proposals.map((p) => [p.kind, p.subject])).toEqual([
      ['legalReference', first!.key],
      ['legalReference', second!.key],
      ['template', 'divorce (tg)'],
    ]);
    expect(proposals[0]!.texts).toMatchObject({ textTg: 'матни нав 1', value: '999' });

    // The same package again proposes nothing new.
    expect((await deliver(await pack(team, cp))).counts).toMatchObject({ proposed: 0 });

    await decideProposal(cp, proposals[0]!.id, true);
    await decideProposal(cp, proposals[1]!.id, false);
    const left = await decideProposal(cp, proposals[2]!.id, true);
    expect(left).toEqual([]);
    expect(await ref(cp, first!.key)).toMatchObject({ textTg: 'матни нав 1', value: '999', confirmed: false });
    expect(await ref(cp, second!.key)).toEqual(shippedSecond);
    expect(await activeTemplates(cp)).toMatchObject([{ template_id: 'divorce', language: 'tg' }]);
  });
});
