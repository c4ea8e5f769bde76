// The change log's message format (db/write.ts writes it, the exchange carries and merges it, the
// national seed writes it in bulk). One message per write: the columns the write set, as one JSON
// object under the write's stamp. Values are JSON; bytes travel as {"$bytes": "<base64>"}.
// id, updated_at and hlc are bookkeeping and never travel; the insert message carries created_at, so a
// row created on another installation keeps its first-recorded time.

const BOOKKEEPING = new Set(['id', 'updated_at', 'hlc']);

/** A column value as it is stored in a message. */
export function wireValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value ?? null;
}

/** A message's value back into what the column stores. */
export function columnValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$bytes' in value) return Buffer.from(String((value as { $bytes: unknown }).$bytes), 'base64');
  return value ?? null;
}

/** The comparable text of a value (null for NULL): how the merge and the conflict list compare and keep values. */
export function encodeValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(wireValue(value));
}

/** The message of one write, or null when it sets nothing that travels. */
export function changeData(values: Record<string, unknown>): string | null {
  const data: Record<string, unknown> = {};
  let any = false;
  for (const [column, value] of Object.entries(values)) {
    if (BOOKKEEPING.has(column) || value === undefined) continue;
    data[column] = wireValue(value);
    any = true;
  }
  return any ? JSON.stringify(data) : null;
}

/** The column value of a comparable text (see encodeValue). */
export function decodeValue(text: string | null): unknown {
  return text === null ? null : columnValue(JSON.parse(text));
}
