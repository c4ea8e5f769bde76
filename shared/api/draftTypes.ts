/** An unsaved entry as the form gets it back: its values and when they were last kept. */
export interface Draft {
  values: Record<string, unknown>;
  /** ISO time of the last keep. */
  savedAt: string;
}
