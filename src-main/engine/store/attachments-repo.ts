import type Database from 'better-sqlite3';
import { notFound } from '../errors.js';
import type { AttachmentRow } from './messages-repo.js';
import { cached } from './statements.js';

/** An attachment with what access checks need of its message. */
export interface AttachmentOfMessage extends AttachmentRow {
  folder_id: number;
  private: number;
  owner_agent_id: number | null;
  subject: string;
}

const COLUMNS = 'a.*, m.folder_id, m.private, m.owner_agent_id, m.subject';

/** Attachments read one by one, by id, for the files a person opens or saves. */
export class AttachmentsRepo {
  constructor(private readonly sqlite: Database.Database) {}

  get(id: number): AttachmentOfMessage {
    const row = cached(this.sqlite, `SELECT ${COLUMNS} FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?`).get(id) as
      | AttachmentOfMessage
      | undefined;
    if (!row) throw notFound(`Attachment ${id}`);
    return row;
  }

  ofMessage(messageId: number): AttachmentOfMessage[] {
    return cached(this.sqlite, `SELECT ${COLUMNS} FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.message_id = ? ORDER BY a.position`).all(
      messageId,
    ) as AttachmentOfMessage[];
  }
}
