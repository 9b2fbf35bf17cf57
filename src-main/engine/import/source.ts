/**
 * What every import format (PST, MSG, EML tree, mbox) hands the import job: messages as RFC 5322 bytes, each with
 * the folder it sat in, in an order that is the same every time the same source is read. The job stores them
 * through the ordinary ingest path, checkpoints by position, and de-duplicates by Message-ID and content hash, so a
 * source must be deterministic: reading the same file twice yields the same bytes (no random MIME boundaries, no
 * "now" dates in rebuilt headers).
 */
export interface ImportItem {
  /** Folder names from the top of the source ([] for its top level), recreated under the import's target folder. */
  folder: string[];
  /** Where the item sits in the source, for the report and the logs: a relative file path, "offset 123456", a PST node id. */
  key: string;
  /** The message, when it could be read. */
  raw?: Buffer;
  /** Why it could not be read as a message; `raw` keeps whatever bytes could be recovered, stored flagged. */
  failure?: string;
}

/** Items a PST holds that are not mail; counted and reported rather than silently dropped. */
export interface NonMailCounts {
  contacts: number;
  appointments: number;
  tasks: number;
  notes: number;
  other: number;
}

export interface ImportSource {
  readonly format: 'pst' | 'msg' | 'eml' | 'mbox';
  /**
   * Every item from position `from` on (0-based, in source order): a resumed import starts after its checkpoint.
   * Positions count every item, failures included, so they stay stable between runs.
   */
  items(from: number): AsyncIterable<ImportItem>;
  /** How many items there are, when it is cheap to know (for the progress bar); null otherwise. */
  count(): Promise<number | null>;
  /** What the source held besides mail, known once items() has been read to the end. */
  nonMail(): NonMailCounts;
  close(): Promise<void>;
}

export const NO_NON_MAIL: NonMailCounts = { contacts: 0, appointments: 0, tasks: 0, notes: 0, other: 0 };
