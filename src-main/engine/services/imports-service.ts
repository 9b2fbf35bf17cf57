import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { EngineError, notFound } from '../errors.js';
import { detectFormat } from '../import/detect-format.js';
import type { JobRow } from '../import/imports-repo.js';
import type { ImportSource } from '../import/source.js';
import { safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { writeEmlFile } from '../export/eml-writer.js';
import { exportFolder } from '../export/export-folder.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

const UNFINISHED: ReadonlySet<JobRow['state']> = new Set(['running', 'interrupted', 'cancelled']);

/** The format to read a path as, from its content; a clear refusal for anything else. */
async function formatOf(path: string): Promise<ImportSource['format']> {
  const found = await detectFormat(path);
  switch (found) {
    case 'pst':
    case 'msg':
    case 'eml':
    case 'mbox':
      return found;
    case 'eml-dir':
      return 'eml';
    case 'msg-dir':
      return 'msg';
    case 'mbox-dir':
      return 'mbox';
    default:
      throw new EngineError('INVALID_INPUT', `${path} is not a PST, MSG, EML or mbox file, nor a folder of EML or MSG files; choose an Outlook or mail export.`);
  }
}

export function importsService(deps: ServiceDeps): DomainHandlers<'imports'> & DomainHandlers<'exports'> {
  const { imports, folders, access } = deps;
  const repo = imports.repo;

  /** Under Local Folders, a new folder named after the source ("archive.pst" → "archive", "archive (2)" when taken). */
  const newTarget = (path: string) => {
    const local = folders.all().filter((f) => f.account_id === null && f.parent_id === null).map((f) => f.name.toLowerCase());
    const base = basename(path, extname(path)) || 'Import';
    let name = base;
    for (let n = 2; local.includes(name.toLowerCase()); n++) name = `${base} (${n})`;
    return folders.create(null, name, null);
  };

  const target = (id: number | null, ctx: CallContext) => {
    if (id === null) return null;
    const folder = access.folder(ctx.agentId, id);
    if (folder.account_id !== null) {
      throw new EngineError('INVALID_INPUT', 'Imports go into Local Folders (years of mail are not uploaded to a server unasked); import there, then move what belongs on the server.');
    }
    return folder.id;
  };

  return {
    'imports.start': async (input, ctx) => {
      const path = resolve(input.path);
      await stat(path).catch(() => {
        throw notFound(`The file or folder ${path}`);
      });
      const format = await formatOf(path);
      const chosen = target(input.targetFolderId, ctx);
      const last = repo.latestFor(path);
      const lastTargetExists = last?.target_folder_id != null && folders.all().some((f) => f.id === last.target_folder_id);
      // The same source into the same place: an unfinished job resumes; a finished one is read again, adding only
      // what is new (everything already stored is a duplicate).
      if (last && UNFINISHED.has(last.state) && lastTargetExists && (chosen === null || chosen === last.target_folder_id)) {
        void imports.run(last.id);
        return { job: repo.toJob(repo.get(last.id)), resumed: true };
      }
      const targetFolderId = chosen ?? (last && lastTargetExists ? last.target_folder_id! : newTarget(path));
      const job = repo.create({ agentId: ctx.agentId, sourcePath: path, format, targetFolderId });
      deps.events.changed('folders', [targetFolderId]);
      void imports.run(job.id);
      return { job: repo.toJob(repo.get(job.id)), resumed: false };
    },

    'imports.browse': async (input) => {
      const ask = deps.shell.chooseImportSource?.bind(deps.shell);
      return ask ? { available: true, path: await ask(input.kind) } : { available: false, path: null };
    },

    'imports.list': () => ({ items: repo.all().map((r) => repo.toJob(r)) }),

    'imports.get': (input) => repo.report(input.id),

    'imports.cancel': (input) => {
      imports.cancel(input.id);
      return repo.toJob(repo.get(input.id));
    },

    'imports.resume': (input) => {
      const job = repo.get(input.id);
      if (job.state === 'done') throw new EngineError('CONFLICT', `Import ${job.id} is finished; start it again to read the source for anything new.`);
      void imports.run(job.id);
      return repo.toJob(repo.get(job.id));
    },

    'exports.message': async (input, ctx) => {
      const message = deps.messages.get(input.id);
      access.folder(ctx.agentId, message.folder_id);
      if (!access.canSeeContent(ctx.agentId, message)) throw new EngineError('FORBIDDEN', 'This message is private to the agent who sent it; it cannot be saved by others.');
      const filename = safeFileName(`${(message.subject || 'message').replace(/[/\\]/g, '-')}.eml`, 'message.eml');
      const raw = deps.sourceOf(message.id);
      if (!input.save) return { filename, path: null, data: raw.toString('base64') };
      const ask = deps.shell.chooseSaveLocation?.bind(deps.shell);
      if (!ask) throw new EngineError('UNAVAILABLE', 'This window has no save dialog; the browser downloads the message instead.');
      const path = await ask({ kind: 'file', suggestedName: filename });
      // The person chose this path in the system's dialog, which asked before replacing a file.
      if (path !== null) await writeEmlFile(path, raw);
      return { filename, path, data: null };
    },

    'exports.folder': async (input, ctx) => {
      access.folder(ctx.agentId, input.folderId);
      return exportFolder(deps, { ...input, path: resolve(input.path), agentId: ctx.agentId });
    },
  };
}
