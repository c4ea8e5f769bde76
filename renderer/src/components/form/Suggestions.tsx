/**
 * The reference list a free-text field offers (the browser's own suggestion list, so typing anything
 * else stays possible): a place or document chosen from it can be printed in either filing language.
 */
export function Suggestions({ id, options }: { id: string; options: readonly string[] }) {
  return (
    <datalist id={id}>
      {[...new Set(options)].map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
}
