import { join } from 'node:path';
import { DOCUMENT_MAX_BYTES, type AlreadyFiled } from '../../../src-shared/contract/documents.js';
import type { NamedRecord, RecordRef } from '../../../src-shared/contract/index.js';
import { safeFileName, uniqueFileName } from '../../../src-shared/domain/attachment-files.js';
import { isWithin } from '../../../src-shared/domain/document-paths.js';
import { openWithSystemApp } from '../attachments/open-file.js';
import { DocumentsRepo, RESTORE_MS, type DocumentRow } from '../crm/documents-repo.js';
import { linksOf } from '../crm/links.js';
import { assertRecord, recordNameSql } from '../crm/record-names.js';
import { EngineError, forbidden, notFound } from '../errors.js';
import { AttachmentsRepo } from '../store/attachments-repo.js';
import { cached } from '../store/statements.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

/**
 * A record's documents are the office's, as the record is: every agent may see and change them. Filing an
 * attachment is the one door that reads mail, and it checks what attachments.content checks.
 */
export function documentsService(deps: ServiceDeps): DomainHandlers<'documents'> {
  const sqlite = deps.store.sqlite;
  const repo = new DocumentsRepo(sqlite);
  const attachments = new AttachmentsRepo(sqlite);
  const openedRoot = join(deps.layout.root, 'opened');
  repo.purgeExpired();
  const changed = (ids: number[]) => deps.events.changed('documents', ids);

  const named = (record: RecordRef): NamedRecord => {
    assertRecord(sqlite, record);
    const row = cached(sqlite, `SELECT ${recordNameSql('@type', '@id')} AS name`).get({ type: record.type, id: record.id }) as { name: string | null };
    return { ...record, name: row.name ?? '' };
  };
  const recordOf = (row: DocumentRow): RecordRef => ({ type: row.record_type, id: row.record_id });
  /** A document not in the deleted ones. */
  const live = (id: number): DocumentRow => {
    const row = repo.row(id);
    if (row.deleted_at !== null) throw new EngineError('NOT_FOUND', `Document ${id} ("${row.name}") is deleted; restore it first.`);
    return row;
  };
  /** The name, or "name (2)"… when the folder already has a file so named (another than `except`). */
  const freeName = (record: RecordRef, folder: string, name: string, except?: number) => {
    const taken = repo.namesIn(record, folder, except);
    return uniqueFileName(name, (c) => taken.has(c.toLowerCase()));
  };
  const readableAttachment = (id: number, ctx: CallContext) => {
    const attachment = attachments.get(id);
    deps.access.folder(ctx.agentId, attachment.folder_id);
    if (!deps.access.canSeeContent(ctx.agentId, attachment)) throw forbidden('file this attachment: its message is private to the agent who sent it');
    return attachment;
  };
  const folderMissing = (path: string) => new EngineError('NOT_FOUND', `There is no folder "${path}" in these documents.`);

  return {
    'documents.list': (input, ctx) => {
      const record = named(input.record);
      const { files, deleted } = repo.files(input.record, ctx.agentId);
      return { record, folders: repo.folders(input.record, files), files, deleted };
    },

    'documents.add': (input, ctx) => {
      assertRecord(sqlite, input.record);
      const bytes = Buffer.from(input.data, 'base64');
      if (bytes.length > DOCUMENT_MAX_BYTES) throw new EngineError('INVALID_INPUT', `A document can be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`);
      // The file is whole on disk before the row that names it commits (blob-store.ts).
      const blob = deps.blobs.put(bytes);
      const id = sqlite.transaction(() =>
        repo.insert(input.record, {
          folder: input.folder,
          name: freeName(input.record, input.folder, safeFileName(input.name, 'document')),
          content_type: input.contentType || 'application/octet-stream',
          size: blob.size,
          sha256: blob.sha256,
          added_by: ctx.agentId,
          source_message_id: null,
          source_subject: null,
        }),
      )();
      changed([id]);
      return repo.file(id, ctx.agentId);
    },

    'documents.fileAttachment': (input, ctx) => {
      const attachment = readableAttachment(input.attachmentId, ctx);
      assertRecord(sqlite, input.record);
      if (!deps.blobs.has(attachment.sha256)) {
        throw new EngineError('BLOB_MISSING', `The attachment's stored file ${attachment.sha256} is missing from the data folder; restore it from a backup.`, { sha256: attachment.sha256 });
      }
      const name = safeFileName(input.name ?? attachment.filename, `attachment-${attachment.id}`);
      const id = sqlite.transaction(() => {
        // Filing the same attachment again where it already is would only make "name (2).ext" of the same bytes.
        const twin = repo.named(input.record, input.folder, name);
        if (twin && twin.sha256 === attachment.sha256 && twin.source_message_id === attachment.message_id) {
          const where = twin.folder ? `the folder "${twin.folder}"` : 'the top folder';
          const details: AlreadyFiled = { documentId: twin.id, name: twin.name, folder: twin.folder };
          throw new EngineError('CONFLICT', `This attachment is already filed in ${where} of this record, as "${twin.name}" (document ${twin.id}).`, details);
        }
        return repo.insert(input.record, {
          folder: input.folder,
          name: freeName(input.record, input.folder, name),
          content_type: attachment.content_type,
          size: attachment.size,
          sha256: attachment.sha256,
          added_by: ctx.agentId,
          source_message_id: attachment.message_id,
          // A private email's subject is not copied where every agent reads it.
          source_subject: attachment.private ? '' : attachment.subject,
        });
      })();
      changed([id]);
      return repo.file(id, ctx.agentId);
    },

    'documents.forAttachment': (input, ctx) => {
      const attachment = readableAttachment(input.attachmentId, ctx);
      const seen = new Set<string>();
      const records = (linksOf(sqlite, [attachment.message_id]).get(attachment.message_id) ?? [])
        .filter((l) => !seen.has(`${l.type}:${l.id}`) && seen.add(`${l.type}:${l.id}`))
        .map((l) => ({ type: l.type, id: l.id, name: l.name }));
      return { name: safeFileName(attachment.filename, `attachment-${attachment.id}`), messageId: attachment.message_id, subject: attachment.subject, records };
    },

    'documents.content': (input) => {
      const row = live(input.id);
      const bytes = deps.blobs.read(row.sha256);
      return { id: row.id, name: row.name, contentType: row.content_type, size: bytes.length, data: bytes.toString('base64') };
    },

    'documents.open': async (input) => {
      const row = live(input.id);
      return { path: await openWithSystemApp(deps.shell, openedRoot, row.name, deps.blobs.read(row.sha256)) };
    },

    'documents.rename': (input, ctx) => {
      const row = live(input.id);
      const name = safeFileName(input.name, row.name);
      if (repo.namesIn(recordOf(row), row.folder, row.id).has(name.toLowerCase())) {
        throw new EngineError('CONFLICT', `"${row.folder || 'The top folder'}" already has a file named "${name}".`);
      }
      repo.place(row.id, row.folder, name);
      changed([row.id]);
      return repo.file(row.id, ctx.agentId);
    },

    'documents.move': (input, ctx) => {
      const row = live(input.id);
      if (input.folder !== row.folder) {
        const record = recordOf(row);
        sqlite.transaction(() => {
          repo.ensureFolder(record, input.folder);
          repo.place(row.id, input.folder, freeName(record, input.folder, row.name, row.id));
        })();
        changed([row.id]);
      }
      return repo.file(row.id, ctx.agentId);
    },

    'documents.createFolder': (input) => {
      assertRecord(sqlite, input.record);
      repo.ensureFolder(input.record, input.path);
      changed([]);
      return { path: input.path };
    },

    'documents.renameFolder': (input) => {
      assertRecord(sqlite, input.record);
      if (!repo.folderExists(input.record, input.path)) throw folderMissing(input.path);
      if (input.to === input.path) return { path: input.to };
      if (isWithin(input.to, input.path)) throw new EngineError('INVALID_INPUT', `The folder "${input.path}" cannot go inside itself.`);
      if (repo.folderExists(input.record, input.to)) throw new EngineError('CONFLICT', `There is already a folder "${input.to}".`);
      const moved = sqlite.transaction(() => repo.moveFolder(input.record, input.path, input.to))();
      changed(moved);
      return { path: input.to };
    },

    'documents.deleteFolder': (input) => {
      assertRecord(sqlite, input.record);
      if (!repo.folderExists(input.record, input.path)) throw folderMissing(input.path);
      const files = repo.countWithin(input.record, input.path);
      if (files > 0) throw new EngineError('CONFLICT', `The folder "${input.path}" still holds ${files} file(s): move or delete them first.`);
      repo.removeFolder(input.record, input.path);
      changed([]);
      return { path: input.path };
    },

    'documents.delete': (input, ctx) => {
      const row = live(input.id);
      repo.setDeleted(row.id, Date.now());
      changed([row.id]);
      return repo.file(row.id, ctx.agentId);
    },

    'documents.restore': (input, ctx) => {
      const row = repo.row(input.id);
      if (row.deleted_at === null) return repo.file(row.id, ctx.agentId);
      if (row.deleted_at < Date.now() - RESTORE_MS) throw notFound(`Document ${row.id}`);
      const record = recordOf(row);
      sqlite.transaction(() => {
        // Its folder may have been removed meanwhile: it comes back to the path it had.
        repo.ensureFolder(record, row.folder);
        repo.place(row.id, row.folder, freeName(record, row.folder, row.name, row.id));
        repo.setDeleted(row.id, null);
      })();
      changed([row.id]);
      return repo.file(row.id, ctx.agentId);
    },
  };
}
