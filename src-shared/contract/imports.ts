import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { command, event } from './define.js';

export const ImportFormat = z.enum(['pst', 'msg', 'eml', 'mbox']);
export const ImportState = z.enum(['running', 'interrupted', 'cancelled', 'done', 'failed']);

export const ImportFolderLine = z.object({
  /** The source folder's names joined with '/' ('' for its top level). */
  path: z.string(),
  folderId: Id.nullable(),
  found: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  /** Same Message-ID as a stored message but other content: imported and marked. */
  variants: z.number().int(),
  failed: z.number().int(),
});

export const ImportFailure = z.object({
  position: z.number().int(),
  /** Where in the source: a file, an offset, a PST node. */
  key: z.string(),
  path: z.string(),
  reason: z.string(),
  /** Kept raw and flagged, when its bytes could be read. */
  messageId: Id.nullable(),
});

export const NonMail = z.object({
  contacts: z.number().int(),
  appointments: z.number().int(),
  tasks: z.number().int(),
  notes: z.number().int(),
  other: z.number().int(),
});

export const ImportJob = z.object({
  id: Id,
  sourcePath: z.string(),
  format: ImportFormat,
  targetFolderId: Id.nullable(),
  state: ImportState,
  /** Items of the source handled so far (imported, duplicate or failed). */
  done: z.number().int(),
  total: z.number().int().nullable(),
  nonMail: NonMail.nullable(),
  error: z.string().nullable(),
  createdAt: IsoDate,
  finishedAt: IsoDate.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportReport = ImportJob.extend({ folders: z.array(ImportFolderLine), failures: z.array(ImportFailure) });
export type ImportReport = z.infer<typeof ImportReport>;

/** A message's exact source as an .eml file: `path` when saved through the desktop's dialog, else bytes to download. */
export const SavedMessage = z.object({ filename: z.string(), path: z.string().nullable(), data: z.base64().nullable() });

export const importsCommands = {
  /**
   * Starts importing a file or folder (format found from its content) under `targetFolderId`, or under a new folder
   * of Local Folders named after the source. The same source into the same place resumes its unfinished job.
   */
  'imports.start': command(
    z.object({ path: z.string().min(1), targetFolderId: Id.nullable().default(null) }),
    z.object({ job: ImportJob, resumed: z.boolean() }),
  ),
  /** The system's open dialog where the app has one (the desktop app); `available` false in a browser. */
  'imports.browse': command(z.object({ kind: z.enum(['file', 'folder']) }), z.object({ available: z.boolean(), path: z.string().nullable() })),
  'imports.list': command(z.object({}), z.object({ items: z.array(ImportJob) })),
  /** The job with its reconciliation report: per folder found / imported / duplicates / failed, and each failure. */
  'imports.get': command(z.object({ id: Id }), ImportReport),
  'imports.cancel': command(z.object({ id: Id }), ImportJob),
  'imports.resume': command(z.object({ id: Id }), ImportJob),
  /**
   * A folder (and optionally its subfolders) to a folder tree of .eml files or to mboxrd files (one per folder), in
   * the directory `path` (created when missing).
   */
  /** One message as an .eml file: the desktop asks where (`save`), the browser downloads the returned bytes. */
  'exports.message': command(z.object({ id: Id, save: z.boolean().default(false) }), SavedMessage),
  'exports.folder': command(
    z.object({ folderId: Id, subfolders: z.boolean().default(true), format: z.enum(['eml', 'mbox']), path: z.string().min(1) }),
    z.object({ messages: z.number().int(), files: z.number().int(), path: z.string() }),
  ),
};

export const importsEvents = {
  /** While a job runs, at most a few times a second, and when it ends. */
  'import.progress': event(
    z.object({
      jobId: Id,
      state: ImportState,
      done: z.number().int(),
      total: z.number().int().nullable(),
      /** The source folder being read. */
      folder: z.string(),
      /** Items per second over the last few seconds. */
      rate: z.number(),
    }),
  ),
};
