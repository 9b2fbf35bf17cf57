/** A message on its way out to files: the writers take an async iterable of these, so a whole mailbox streams. */
export interface ExportMessage {
  /** Folder names from the top of the export ([] for its top level): recreated as directories. */
  folder: string[];
  /** What its file is named after (a subject, a date): the writer makes it safe and unique. */
  name: string;
  raw: Buffer;
  /** When it arrived, for the mbox envelope line; its Date header is used when absent. */
  receivedAt?: Date;
}

export interface ExportOptions {
  /** Checked between messages: what is written stays written, each file complete. */
  signal?: AbortSignal;
  /** Called after each message with how many are written. */
  onProgress?: (written: number) => void;
}

export interface ExportSummary {
  messages: number;
  /** Bytes of the messages written (an mbox file adds its envelope lines and quoting). */
  bytes: number;
  /** Files made: one per message for EML, one per folder for mbox. */
  files: number;
}
