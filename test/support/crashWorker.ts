import { unlockDatabase } from '../../electron/app/database';
import { appendAudit } from '../../db/queries/audit';
import { insertRow } from '../../db/write';

// Child process for the crash-safety test: writes batches of records, one transaction per batch,
// and reports each commit on stdout, until the parent kills it with SIGKILL.
const [dbPath, passphrase, batchArg, modeArg] = process.argv.slice(2);
const batch = Number(batchArg);

async function main(): Promise<void> {
  const s = await unlockDatabase(dbPath!, 'admin', passphrase!);
  let committed = 0;
  for (let round = 0; ; round++) {
    await s.db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch; i++) {
        await insertRow(trx, s.writer, 'contact_points', {
          code: `CP-${process.pid}-${round}-${i}`,
          name: `Нуқтаи тамоси ${round}-${i}`,
          district_id: 'su-khujand',
          established_on: '2024-01-01',
          address: '',
          organisation: '',
          closed_on: null,
          notes: 'x'.repeat(modeArg === 'big' ? 2000 : 10),
        });
      }
      await appendAudit(trx, { userId: s.user.id, username: s.user.username, action: 'test.batch', entity: 'contact_points', detail: { rows: batch } });
    });
    committed += batch;
    process.stdout.write(`committed ${committed}\n`);
  }
}

void main();
