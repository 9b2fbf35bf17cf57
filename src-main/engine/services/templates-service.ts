import type { Template } from '../../../src-shared/contract/index.js';
import { unknownMergeFields } from '../../../src-shared/domain/merge-fields.js';
import { EngineError } from '../errors.js';
import { cached } from '../store/statements.js';
import { renderParts, renderTemplate } from '../templates/render-template.js';
import { templateAttachments } from '../templates/template-attachments.js';
import { inTemplatesTree, templateFolder } from '../templates/template-folders.js';
import { TemplatesRepo, type TemplateValues } from '../templates/templates-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

/**
 * Templates are seen by whoever sees their folder: Local Folders' by every agent, an account's by the agents of
 * that account. They are checked whole before they are kept: a Templates folder, known merge fields only, an
 * outgoing category that exists.
 */
export function templatesService(deps: ServiceDeps): DomainHandlers<'templates'> {
  const sqlite = deps.store.sqlite;
  const repo = new TemplatesRepo(sqlite);

  const visible = (id: number, ctx: CallContext): Template => {
    const template = repo.get(id);
    deps.access.folder(ctx.agentId, template.folderId);
    return template;
  };

  const checked = (values: TemplateValues, ctx: CallContext): TemplateValues => {
    deps.access.folder(ctx.agentId, values.folderId);
    const unknown = unknownMergeFields(values.subject, values.greeting, values.body, values.closing);
    if (unknown.length > 0) {
      const list = unknown.map((n) => `{{${n}}}`).join(', ');
      throw new EngineError('INVALID_INPUT', `${list} ${unknown.length === 1 ? 'is not a merge field' : 'are not merge fields'}: insert fields from the list (e.g. {{contact.firstName}}) or correct the spelling.`, { unknown });
    }
    let category = values.category;
    if (category !== null) {
      const row = cached(sqlite, `SELECT name FROM categories WHERE direction = 'out' AND name = ? COLLATE NOCASE`).get(category) as { name: string } | undefined;
      if (!row) throw new EngineError('INVALID_INPUT', `There is no outgoing category named "${category}"; create it in the categories first, or choose another.`);
      category = row.name;
    }
    return { ...values, category };
  };

  return {
    'templates.list': (input, ctx) => {
      let folderIds: number[];
      if (input.folderId !== undefined) {
        deps.access.folder(ctx.agentId, input.folderId);
        if (!inTemplatesTree(sqlite, input.folderId)) throw new EngineError('INVALID_INPUT', `Folder ${input.folderId} is not a Templates folder.`);
        folderIds = [input.folderId];
      } else {
        const accounts = [...deps.access.visibleAccountIds(ctx.agentId)];
        folderIds = (cached(sqlite, 'SELECT id FROM folders WHERE account_id IS NULL OR account_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(accounts)) as Array<{ id: number }>).map((r) => r.id);
      }
      return { items: repo.list(folderIds, input.query) };
    },

    'templates.get': (input, ctx) => visible(input.id, ctx),

    'templates.create': (input, ctx) => {
      const values = checked(
        { ...input, folderId: templateFolder(sqlite, deps.folders, input.folderId), attachments: templateAttachments(deps.blobs, input.attachments) },
        ctx,
      );
      const id = repo.insert(values);
      deps.events.changed('templates', [id]);
      return repo.get(id);
    },

    'templates.update': (input, ctx) => {
      const before = visible(input.id, ctx);
      const { id, attachments, folderId, ...fields } = input;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<TemplateValues>;
      const values = checked(
        {
          ...before,
          ...defined,
          folderId: folderId === undefined ? before.folderId : templateFolder(sqlite, deps.folders, folderId),
          attachments: attachments === undefined ? templateAttachments(deps.blobs, before.attachments) : templateAttachments(deps.blobs, attachments),
        },
        ctx,
      );
      repo.update(id, values);
      deps.events.changed('templates', [id]);
      return repo.get(id);
    },

    'templates.delete': (input, ctx) => {
      deps.access.folder(ctx.agentId, repo.row(input.id).folderId);
      const deleted = repo.softDelete(input.id);
      deps.events.changed('templates', [input.id]);
      return { deleted };
    },

    'templates.render': (input, ctx) => {
      visible(input.id, ctx);
      const { subject, html, missing, unknown } = renderTemplate(sqlite, input.id, input.target, { agentId: ctx.agentId, markMissing: input.markMissing });
      return { subject, html, missing, unknown };
    },

    'templates.preview': (input, ctx) => renderParts(sqlite, input.parts, input.target, { agentId: ctx.agentId, markMissing: input.markMissing }),
  };
}
