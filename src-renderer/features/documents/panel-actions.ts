import { DOCUMENT_MAX_BYTES, DOCUMENT_RESTORE_DAYS, type DocumentFile, type DocumentsListing, type RecordRef } from '../../../src-shared/contract/index.js';
import { isProgramFile, safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { folderName, parentFolder } from '../../../src-shared/domain/document-paths.js';
import { engine } from '../../api/engine.js';
import type { Translate } from '../../i18n/use-t.js';
import { confirmDialog, nameDialog } from '../../stores/dialog-store.js';
import { addFiles, attempt, downloadDocument, openDocument } from './document-files.js';
import { childPath, folderLabel } from './folder-tree.js';

/** What the panel's actions need: the record, what is on screen, and where to say what happened. */
export interface PanelContext {
  record: RecordRef;
  listing: DocumentsListing;
  t: Translate;
  say(text: string): void;
  select(path: string): void;
}

const api = () => engine().client.api;
const where = (ctx: PanelContext, path: string) => folderLabel(path, ctx.t('documents.main'));

export async function addTo(ctx: PanelContext, folder: string, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const { added, tooBig } = await addFiles(ctx.record, folder, files);
  const parts: string[] = [];
  if (added.length > 0) parts.push(ctx.t('documents.status.added', { count: added.length, folder: where(ctx, folder) }));
  for (const name of tooBig) parts.push(ctx.t('documents.status.tooBig', { name, max: DOCUMENT_MAX_BYTES / 1024 / 1024 }));
  ctx.say(parts.join(' '));
}

export async function moveTo(ctx: PanelContext, id: number, folder: string): Promise<void> {
  const file = ctx.listing.files.find((f) => f.id === id);
  if (!file || file.folder === folder) return;
  const moved = await attempt(() => api().documents.move({ id, folder }));
  if (moved) ctx.say(ctx.t('documents.status.moved', { name: moved.name, folder: where(ctx, moved.folder) }));
}

export async function newFolder(ctx: PanelContext, parent: string): Promise<void> {
  const name = await nameDialog({
    title: ctx.t('documents.newFolder.title', { folder: where(ctx, parent) }),
    label: ctx.t('documents.folder.name'),
    initial: '',
    confirmLabel: ctx.t('documents.create'),
  });
  if (name === null) return;
  const created = await attempt(() => api().documents.createFolder({ record: ctx.record, path: childPath(parent, name) }));
  if (created) ctx.select(created.path);
}

export async function renameFolder(ctx: PanelContext, path: string): Promise<void> {
  const name = await nameDialog({
    title: ctx.t('documents.folder.rename.title', { name: folderName(path) }),
    label: ctx.t('documents.folder.name'),
    initial: folderName(path),
    confirmLabel: ctx.t('documents.rename'),
  });
  if (name === null) return;
  const to = childPath(parentFolder(path), name);
  if (to === path) return;
  if (ctx.listing.folders.some((f) => f.path === to)) return ctx.say(ctx.t('documents.folder.exists', { folder: where(ctx, to) }));
  const renamed = await attempt(() => api().documents.renameFolder({ record: ctx.record, path, to }));
  if (renamed) ctx.select(renamed.path);
}

export async function deleteFolder(ctx: PanelContext, path: string): Promise<void> {
  const folder = ctx.listing.folders.find((f) => f.path === path);
  if (!folder) return;
  if (folder.total > 0) return ctx.say(ctx.t('documents.folder.notEmpty'));
  const ok = await confirmDialog({
    title: ctx.t('documents.folder.delete.title', { name: folderName(path) }),
    body: ctx.t('documents.folder.delete.body'),
    confirmLabel: ctx.t('documents.folder.delete'),
    danger: true,
  });
  if (!ok) return;
  if (await attempt(() => api().documents.deleteFolder({ record: ctx.record, path }))) ctx.select(parentFolder(path));
}

export async function renameDocument(ctx: PanelContext, file: DocumentFile): Promise<void> {
  const typed = await nameDialog({ title: ctx.t('documents.rename.title', { name: file.name }), label: ctx.t('documents.rename.label'), initial: file.name, confirmLabel: ctx.t('documents.rename') });
  if (typed === null) return;
  // The engine makes the name safe the same way; a clash is said here in words rather than as a bare refusal.
  const name = safeFileName(typed, file.name);
  const taken = ctx.listing.files.some((f) => f.id !== file.id && f.folder === file.folder && f.name.toLowerCase() === name.toLowerCase());
  if (taken) return ctx.say(ctx.t('documents.rename.taken', { name }));
  if (await attempt(() => api().documents.rename({ id: file.id, name }))) ctx.say('');
}

export async function deleteDocument(ctx: PanelContext, file: DocumentFile): Promise<void> {
  const ok = await confirmDialog({
    title: ctx.t('documents.delete.title', { name: file.name }),
    body: ctx.t('documents.delete.body', { days: DOCUMENT_RESTORE_DAYS }),
    confirmLabel: ctx.t('documents.delete'),
    danger: true,
  });
  if (!ok) return;
  if (await attempt(() => api().documents.delete({ id: file.id }))) ctx.say(ctx.t('documents.status.deleted', { name: file.name }));
}

export async function restoreDocument(ctx: PanelContext, file: DocumentFile): Promise<void> {
  const restored = await attempt(() => api().documents.restore({ id: file.id }));
  if (restored) ctx.say(ctx.t('documents.status.restored', { name: restored.name, folder: where(ctx, restored.folder) }));
}

/** A program is never opened (the engine refuses it too): the person is told why and may download it instead. */
export async function openOrOffer(ctx: PanelContext, file: DocumentFile): Promise<void> {
  if (!isProgramFile(file.name)) return openDocument(file.id);
  const download = await confirmDialog({
    title: ctx.t('reader.program.title'),
    body: ctx.t('reader.program.text', { name: file.name }),
    confirmLabel: ctx.t('reader.program.save'),
    danger: false,
  });
  if (download) await downloadDocument(file.id);
}
