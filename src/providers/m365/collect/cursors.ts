// Where collection resumes. The caller keeps cursors in its store and writes them durably; the
// provider sets one only after the data it covers has been handed over (and, for audit batches,
// after the sink resolved), so a killed run resumes without gaps.

export interface CursorStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export const CURSOR_KEYS = {
  /** JSON `{deltaLink, snapshotAt}`: the users delta round that produced the snapshot collected at `snapshotAt`. */
  usersDelta: 'm365.users.delta',
  /** ISO time of the newest directory audit record handed to the sink. */
  directoryAudits: 'm365.directoryAudits.watermark',
  /** ISO time of the newest sign-in record handed to the sink. */
  signIns: 'm365.signIns.watermark',
  /** ISO time up to which the Unified Audit Log has been read (the end of the last completed query). */
  ualWatermark: 'm365.ual.watermark',
  /** JSON of the audit log query under way (id, version, window, next page): a killed scan resumes it. "" when none. */
  ualQuery: 'm365.ual.query',
} as const;

/** A CursorStore in memory (tests, one-off runs). */
export function memoryCursors(initial: Record<string, string> = {}): CursorStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (key) => Promise.resolve(values.get(key)),
    set: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
  };
}
