import { z } from 'zod';
import { FOLDER_PATH_ISSUES, folderPathIssue, normalizeFolderPath } from '../domain/document-paths.js';
import { Id, IsoDate } from './common.js';
import { command } from './define.js';
import { NamedRecord, RecordRef } from './link.js';

/*
 * A CRM record's documents: files in a folder tree of its own, the office's like the record itself. Their bytes
 * are content-addressed blobs, as attachments' are: filing an email's attachment stores no second copy.
 */

/** A file added from the window travels base64 in one contract frame; bigger files are refused with this limit. */
export const DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;
/** A deleted document can be restored this long; then it is gone for good. */
export const DOCUMENT_RESTORE_DAYS = 30;

/** '' is the top of the tree; otherwise names joined with '/', checked and made safe (see domain/document-paths). */
export const FolderPath = z
  .string()
  .max(2000)
  .transform((p) => p.trim())
  .superRefine((p, ctx) => {
    const issue = folderPathIssue(p);
    if (issue) ctx.addIssue({ code: 'custom', message: FOLDER_PATH_ISSUES[issue] });
  })
  .transform(normalizeFolderPath);
/** A folder one can create or rename to: not the top. */
const NamedFolderPath = FolderPath.refine((p) => p !== '', { message: 'Give the folder a name.' });
/** Made safe by the engine with safeFileName, as attachments' names are. */
const FileName = z.string().trim().min(1, 'Give the file a name.').max(255);

export const DocumentFile = z.object({
  id: Id,
  record: RecordRef,
  name: z.string(),
  folder: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  createdAt: IsoDate,
  /** The agent who added or filed it (null once that agent is removed). */
  addedBy: z.string().nullable(),
  /** The email it was filed from; `subject` is '' when that email is private to another agent. */
  source: z.object({ messageId: Id.nullable(), subject: z.string() }).nullable(),
  /** Set while it waits in the record's deleted documents (restorable for DOCUMENT_RESTORE_DAYS). */
  deletedAt: IsoDate.nullable(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentFolder = z.object({
  path: z.string(),
  /** Files directly in it, and in it and its subfolders. */
  files: z.number().int(),
  total: z.number().int(),
});
export type DocumentFolder = z.infer<typeof DocumentFolder>;

export const DocumentsListing = z.object({
  record: NamedRecord,
  /** Every folder, parents before their children, by name. */
  folders: z.array(DocumentFolder),
  /** Every file of the tree, by folder then name. */
  files: z.array(DocumentFile),
  /** Deleted files still restorable, most recently deleted first. */
  deleted: z.array(DocumentFile),
});
export type DocumentsListing = z.infer<typeof DocumentsListing>;

/** The `details` of documents.fileAttachment's CONFLICT: the document the attachment already is. */
export const AlreadyFiled = z.object({ documentId: Id, name: z.string(), folder: z.string() });
export type AlreadyFiled = z.infer<typeof AlreadyFiled>;

const base64 = z.base64().max(Math.ceil(DOCUMENT_MAX_BYTES / 3) * 4, `A document can be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`);

export const documentsCommands = {
  'documents.list': command(z.object({ record: RecordRef }), DocumentsListing),
  /**
   * A file chosen or dropped in the window, into a folder (created with its parents if new). A name already used
   * in that folder becomes "name (2).ext": nothing is replaced.
   */
  'documents.add': command(
    z.object({ record: RecordRef, folder: FolderPath.default(''), name: FileName, contentType: z.string().trim().max(200).default(''), data: base64 }),
    DocumentFile,
  ),
  /**
   * Files an email's attachment: the same stored bytes, no copy. The agent must be able to read the attachment
   * (its account, and its content when the email is private); `name` defaults to the attachment's. Another file
   * with that name in the folder makes it "name (2).ext"; the same attachment already there under that name is
   * refused with CONFLICT and `AlreadyFiled` details, rather than filed a second time.
   */
  'documents.fileAttachment': command(
    z.object({ attachmentId: Id, record: RecordRef, folder: FolderPath.default(''), name: FileName.optional() }),
    DocumentFile,
  ),
  /** What "File in documents…" starts from: the file's name, its email's subject and the records the email is filed under. */
  'documents.forAttachment': command(
    z.object({ attachmentId: Id }),
    z.object({ name: z.string(), messageId: Id, subject: z.string(), records: z.array(NamedRecord) }),
  ),
  /** The bytes, for a download (base64, as attachments.content). */
  'documents.content': command(
    z.object({ id: Id }),
    z.object({ id: Id, name: z.string(), contentType: z.string(), size: z.number().int(), data: z.base64() }),
  ),
  /** Opens a read-only copy with the system's application; programs and scripts are refused (FORBIDDEN), as attachments.open does. */
  'documents.open': command(z.object({ id: Id }), z.object({ path: z.string() })),
  /** CONFLICT when another file of its folder has that name. */
  'documents.rename': command(z.object({ id: Id, name: FileName }), DocumentFile),
  /** Into another folder of the same record (created if new); a name already used there gets " (2)". */
  'documents.move': command(z.object({ id: Id, folder: FolderPath }), DocumentFile),
  /** Creates the folder and any missing parents; an existing folder is not an error. */
  'documents.createFolder': command(z.object({ record: RecordRef, path: NamedFolderPath }), z.object({ path: z.string() })),
  /**
   * Renames or moves a folder with everything in it: `path` becomes `to` (a full path). CONFLICT when `to` exists;
   * a folder cannot go inside itself.
   */
  'documents.renameFolder': command(z.object({ record: RecordRef, path: NamedFolderPath, to: NamedFolderPath }), z.object({ path: z.string() })),
  /** Only an empty folder (no files, deleted ones aside, in it or below): CONFLICT otherwise. */
  'documents.deleteFolder': command(z.object({ record: RecordRef, path: NamedFolderPath }), z.object({ path: z.string() })),
  /** To the record's deleted documents: restorable for DOCUMENT_RESTORE_DAYS, then removed for good. */
  'documents.delete': command(z.object({ id: Id }), DocumentFile),
  /** Back in its folder (recreated if it was removed meanwhile), renamed " (2)" if its name was taken since. */
  'documents.restore': command(z.object({ id: Id }), DocumentFile),
};
