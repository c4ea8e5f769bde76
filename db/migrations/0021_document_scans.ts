import { sql, type Kysely } from 'kysely';

// Scanned papers and photos kept with a client, a consultation or a case, and the printed consent forms
// and receipts kept with the client. `attachment_type` says what a scanned paper is (the filing wizard
// ticks its list of attachments from it); `thumbnail` is a small JPEG shown in the documents list, so
// the list never reads the large content; `consultation_id` links a paper or a receipt to the
// consultation it was brought to.
const STATEMENTS = [
  `ALTER TABLE documents ADD COLUMN consultation_id TEXT REFERENCES consultations(id)`,
  `ALTER TABLE documents ADD COLUMN attachment_type TEXT`,
  `ALTER TABLE documents ADD COLUMN thumbnail BLOB`,
  `CREATE INDEX documents_consultation ON documents(consultation_id) WHERE consultation_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
