import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { THUMBNAIL_MAX_BYTES } from '../../../src-shared/contract/attachments.js';
import { safeFileName, uniqueFileName } from '../../../src-shared/domain/attachment-files.js';
import { writeIntoFolder } from '../attachments/attachment-files.js';
import { rasterImageType } from '../attachments/file-types.js';
import { openWithSystemApp } from '../attachments/open-file.js';
import { zipFiles } from '../attachments/zip.js';
import { EngineError, forbidden } from '../errors.js';
import { AttachmentsRepo, type AttachmentOfMessage } from '../store/attachments-repo.js';
import type { CallContext, DomainHandlers, ServiceDeps } from './handler.js';

/**
 * Files of a message, by attachment id. Every command checks what messages.get checks: the agent may see the
 * message's folder, and its content when the message is private; a name from the sender is never used as a path.
 */
export function attachmentsService(deps: ServiceDeps): DomainHandlers<'attachments'> {
  const repo = new AttachmentsRepo(deps.store.sqlite);
  const openedRoot = join(deps.layout.root, 'opened');

  const readable = (id: number, ctx: CallContext): AttachmentOfMessage => {
    const attachment = repo.get(id);
    deps.access.folder(ctx.agentId, attachment.folder_id);
    if (!deps.access.canSeeContent(ctx.agentId, attachment)) throw forbidden('read this attachment: its message is private to the agent who sent it');
    return attachment;
  };
  const nameOf = (a: AttachmentOfMessage) => safeFileName(a.filename, `attachment-${a.id}`);

  return {
    'attachments.thumbnail': (input, ctx) => {
      const attachment = readable(input.id, ctx);
      if (attachment.size > THUMBNAIL_MAX_BYTES) return { id: attachment.id, contentType: null, data: null };
      const bytes = deps.blobs.read(attachment.sha256);
      const type = rasterImageType(bytes);
      return { id: attachment.id, contentType: type, data: type ? bytes.toString('base64') : null };
    },

    'attachments.content': (input, ctx) => {
      const attachment = readable(input.id, ctx);
      const bytes = deps.blobs.read(attachment.sha256);
      return { id: attachment.id, filename: nameOf(attachment), contentType: attachment.content_type, size: bytes.length, data: bytes.toString('base64') };
    },

    'attachments.zip': (input, ctx) => {
      const message = deps.messages.get(input.messageId);
      deps.access.folder(ctx.agentId, message.folder_id);
      if (!deps.access.canSeeContent(ctx.agentId, message)) throw forbidden("read this message's attachments: it is private to the agent who sent it");
      const attachments = repo.ofMessage(input.messageId);
      if (attachments.length === 0) throw new EngineError('NOT_FOUND', 'This message has no attachments to save.');
      const used = new Set<string>();
      const entries = attachments.map((a) => {
        const name = uniqueFileName(nameOf(a), (c) => used.has(c.toLowerCase()));
        used.add(name.toLowerCase());
        return { name, data: deps.blobs.read(a.sha256) };
      });
      // The subject names the archive; a slash in it is not a folder.
      const filename = safeFileName(`${(message.subject || 'attachments').replace(/[/\\]/g, '-')}.zip`, 'attachments.zip');
      return { filename, count: entries.length, data: zipFiles(entries).toString('base64') };
    },

    'attachments.open': async (input, ctx) => {
      const attachment = readable(input.id, ctx);
      return { path: await openWithSystemApp(deps.shell, openedRoot, nameOf(attachment), deps.blobs.read(attachment.sha256)) };
    },

    'attachments.save': async (input, ctx) => {
      const attachments = input.ids.map((id) => readable(id, ctx));
      const ask = deps.shell.chooseSaveLocation?.bind(deps.shell);
      if (!ask) throw new EngineError('UNAVAILABLE', 'This window has no save dialog; the browser downloads attachments instead.');
      const single = attachments.length === 1 ? attachments[0]! : null;
      if (single) {
        const path = await ask({ kind: 'file', suggestedName: nameOf(single) });
        if (path === null) return { paths: [], folder: null };
        // The person chose this path in the system's dialog, which asked before replacing a file.
        writeFileSync(path, deps.blobs.read(single.sha256));
        return { paths: [path], folder: null };
      }
      const folder = await ask({ kind: 'folder' });
      if (folder === null) return { paths: [], folder: null };
      const paths = writeIntoFolder(folder, attachments.map((a) => ({ name: nameOf(a), bytes: deps.blobs.read(a.sha256) })));
      return { paths, folder };
    },
  };
}
