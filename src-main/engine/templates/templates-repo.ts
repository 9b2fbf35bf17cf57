import type Database from 'better-sqlite3';
import type { DraftAttachment, Template } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import { cached } from '../store/statements.js';
import { wordConditions } from '../crm/sql-values.js';

interface TemplateRow {
  id: number;
  folder_id: number;
  name: string;
  subject: string;
  greeting: string;
  body: string;
  closing: string;
  category: string | null;
  attachments: string;
  deleted_at: number | null;
  updated_at: number;
  created_at: number;
}

export type TemplateValues = Pick<Template, 'folderId' | 'name' | 'subject' | 'greeting' | 'body' | 'closing' | 'category'> & {
  attachments: Array<Extract<DraftAttachment, { kind: 'blob' }>>;
};

const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  folderId: r.folder_id,
  name: r.name,
  subject: r.subject,
  greeting: r.greeting,
  body: r.body,
  closing: r.closing,
  category: r.category,
  attachments: JSON.parse(r.attachments) as DraftAttachment[],
  updatedAt: new Date(r.updated_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Templates rows; the files they carry are held in blob_holds (holder 'template') so the sweeper keeps them. */
export class TemplatesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  /** Deleted ones too: a mailing started from a template finishes after the template is deleted. */
  row(id: number): Template & { deleted: boolean } {
    const row = cached(this.sqlite, 'SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined;
    if (!row) throw notFound(`Template ${id}`);
    return { ...toTemplate(row), deleted: row.deleted_at !== null };
  }

  /** A template that is not deleted. */
  get(id: number): Template {
    const { deleted, ...template } = this.row(id);
    if (deleted) throw notFound(`Template ${id} ("${template.name}")`);
    return template;
  }

  /** Not deleted, in these folders, each word of the query in its name or subject; by name. */
  list(folderIds: number[], query: string): Template[] {
    const words = wordConditions(`t.name || ' ' || t.subject`, query);
    const rows = this.sqlite
      .prepare(
        `SELECT t.* FROM templates t WHERE t.deleted_at IS NULL AND t.folder_id IN (SELECT value FROM json_each(?))
         ${words.where.map((w) => `AND ${w}`).join(' ')} ORDER BY t.name COLLATE NOCASE, t.id`,
      )
      .all(JSON.stringify(folderIds), ...words.params) as TemplateRow[];
    return rows.map(toTemplate);
  }

  insert(values: TemplateValues): number {
    return this.sqlite.transaction(() => {
      const { id } = cached(
        this.sqlite,
        `INSERT INTO templates (folder_id, name, subject, greeting, body, closing, category, attachments)
         VALUES (@folderId, @name, @subject, @greeting, @body, @closing, @category, @attachments) RETURNING id`,
      ).get({ ...values, attachments: JSON.stringify(values.attachments) }) as { id: number };
      this.hold(id, values.attachments);
      return id;
    })();
  }

  update(id: number, values: TemplateValues): void {
    this.sqlite.transaction(() => {
      cached(
        this.sqlite,
        `UPDATE templates SET folder_id = @folderId, name = @name, subject = @subject, greeting = @greeting, body = @body,
         closing = @closing, category = @category, attachments = @attachments, updated_at = @now WHERE id = @id`,
      ).run({ ...values, attachments: JSON.stringify(values.attachments), id, now: Date.now() });
      this.hold(id, values.attachments);
    })();
  }

  /**
   * Soft: the row stays for the mailings that name it (and keeps its files held, since a running mailing may
   * still attach them).
   */
  softDelete(id: number): boolean {
    return cached(this.sqlite, 'UPDATE templates SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(Date.now(), id).changes > 0;
  }

  private hold(id: number, attachments: TemplateValues['attachments']): void {
    cached(this.sqlite, `DELETE FROM blob_holds WHERE holder = 'template' AND holder_id = ?`).run(id);
    const insert = cached(this.sqlite, `INSERT OR IGNORE INTO blob_holds (sha256, holder, holder_id) VALUES (?, 'template', ?)`);
    for (const a of attachments) insert.run(a.sha256, id);
  }
}
