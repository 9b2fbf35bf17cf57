import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { detectMimeType } from 'nodemailer/lib/mime-funcs';
import type { DraftAttachment } from '../../../src-shared/contract/index.js';
import { safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { DocumentsRepo } from '../crm/documents-repo.js';
import { EngineError, forbidden } from '../errors.js';
import type { Access } from '../services/access.js';
import type { ServiceDeps } from '../services/handler.js';
import { AttachmentsRepo } from '../store/attachments-repo.js';
import type { MessagesRepo } from '../store/messages-repo.js';
import { cached } from '../store/statements.js';

export interface DraftFilesDeps {
  sqlite: Database.Database;
  blobs: BlobStore;
  messages: MessagesRepo;
  access: Access;
  sourceOf: (messageId: number) => Buffer;
}

/** The files of a draft as the agent may use them, from the engine's services. */
export const draftFiles = (deps: Pick<ServiceDeps, 'store' | 'blobs' | 'messages' | 'access' | 'sourceOf'>, agentId: number) =>
  new DraftFiles({ sqlite: deps.store.sqlite, blobs: deps.blobs, messages: deps.messages, access: deps.access, sourceOf: deps.sourceOf }, agentId);

/** A file ready to go into the message. */
export interface OutgoingFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * The files of a draft, wherever their bytes are. Each kind is read with the checks its own command makes: a
 * message's attachment or a whole message only when the agent may read that message, a document while it is not
 * deleted, a blob only when Facteur was given it for a message (an upload, a draft's or a template's file), so
 * knowing a hash is not a way to send any stored file.
 */
export class DraftFiles {
  private readonly attachments: AttachmentsRepo;
  private readonly documents: DocumentsRepo;

  constructor(
    private readonly deps: DraftFilesDeps,
    private readonly agentId: number,
  ) {
    this.attachments = new AttachmentsRepo(deps.sqlite);
    this.documents = new DocumentsRepo(deps.sqlite);
  }

  /** The file's size in bytes, without reading it. */
  size(file: DraftAttachment): number {
    switch (file.kind) {
      case 'upload':
        return Buffer.byteLength(file.data, 'base64');
      case 'blob':
        return statSync(this.heldBlob(file.sha256)).size;
      case 'attachment':
        return this.attachment(file.attachmentId).size;
      case 'document':
        return this.document(file.documentId).size;
      case 'message':
        return this.message(file.messageId).size;
      default:
        return missingCase(file);
    }
  }

  /** The file's bytes, under the name the person gave it (never a path). */
  load(file: DraftAttachment): OutgoingFile {
    const loaded = this.read(file);
    return { ...loaded, filename: safeFileName(loaded.filename) };
  }

  private read(file: DraftAttachment): OutgoingFile {
    switch (file.kind) {
      case 'upload':
        return { filename: file.filename, contentType: typeOf(file.contentType, file.filename), content: Buffer.from(file.data, 'base64') };
      case 'blob':
        this.heldBlob(file.sha256);
        return { filename: file.filename, contentType: typeOf(file.contentType, file.filename), content: this.deps.blobs.read(file.sha256) };
      case 'attachment': {
        const row = this.attachment(file.attachmentId);
        return { filename: file.filename, contentType: typeOf(row.content_type, file.filename), content: this.deps.blobs.read(row.sha256) };
      }
      case 'document': {
        const row = this.document(file.documentId);
        return { filename: file.filename, contentType: typeOf(row.content_type, file.filename), content: this.deps.blobs.read(row.sha256) };
      }
      case 'message':
        this.message(file.messageId);
        return { filename: file.filename, contentType: 'message/rfc822', content: this.deps.sourceOf(file.messageId) };
      default:
        return missingCase(file);
    }
  }

  private heldBlob(sha256: string): string {
    const held = cached(this.deps.sqlite, 'SELECT 1 FROM blob_holds WHERE sha256 = ? UNION ALL SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1').get(sha256, sha256);
    if (!held && !this.readableAttachment(sha256)) throw new EngineError('NOT_FOUND', `The file ${sha256.slice(0, 12)}… was not given to Facteur for a message; add it again.`);
    const path = this.deps.blobs.pathOf(sha256);
    if (!this.deps.blobs.has(sha256)) this.deps.blobs.read(sha256); // throws BLOB_MISSING with its explanation
    return path;
  }

  /** An upload already sent once is the sent message's attachment from then on (its hold released). */
  private readableAttachment(sha256: string): boolean {
    const rows = cached(this.deps.sqlite, 'SELECT m.folder_id, m.private, m.owner_agent_id FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.sha256 = ?').all(sha256) as Array<{
      folder_id: number;
      private: number;
      owner_agent_id: number | null;
    }>;
    return rows.some((m) => this.deps.access.canSeeContent(this.agentId, m) && this.visibleFolder(m.folder_id));
  }

  private visibleFolder(folderId: number): boolean {
    try {
      this.deps.access.folder(this.agentId, folderId);
      return true;
    } catch {
      return false;
    }
  }

  private attachment(id: number) {
    const row = this.attachments.get(id);
    this.deps.access.folder(this.agentId, row.folder_id);
    if (!this.deps.access.canSeeContent(this.agentId, row)) throw forbidden(`attach "${row.filename}": its message is private to the agent who sent it`);
    return row;
  }

  private document(id: number) {
    const row = this.documents.row(id);
    if (row.deleted_at !== null) throw new EngineError('NOT_FOUND', `The document "${row.name}" is deleted; restore it first to attach it.`);
    return row;
  }

  private message(id: number) {
    const row = this.deps.messages.get(id);
    this.deps.access.folder(this.agentId, row.folder_id);
    if (!this.deps.access.canSeeContent(this.agentId, row)) throw forbidden('attach this message: it is private to the agent who sent it');
    return row;
  }
}

function typeOf(declared: string, filename: string): string {
  const type = declared.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : detectMimeType(filename);
}
