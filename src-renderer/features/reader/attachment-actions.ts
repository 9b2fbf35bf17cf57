import type { AttachmentInfo } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import { base64Bytes, downloadBytes } from './downloads.js';

/** What a save did, for the line under the attachments; null when nothing was saved (cancelled, or failed). */
export type SaveOutcome = { kind: 'downloaded'; name: string } | { kind: 'saved'; paths: string[]; folder: string | null };

/**
 * The desktop app saves through the system's dialog (the engine asks Electron's main process); the browser window
 * downloads. The preload's bridge is what tells them apart, as it is for the transport (api/engine.ts).
 */
function hasSaveDialog(): boolean {
  return window.facteur !== undefined;
}

export async function openAttachment(attachment: AttachmentInfo): Promise<void> {
  try {
    await engine().client.api.attachments.open({ id: attachment.id });
  } catch (error) {
    reportError(error);
  }
}

/**
 * One file: the desktop asks where; the browser downloads it. Several ("Save all"): the desktop asks for a
 * folder; the browser downloads one zip, since Chromium stops a page's second automatic download to ask, and
 * one archive is easier to keep than a burst of files (Gmail and Outlook on the web do the same).
 */
export async function saveAttachments(messageId: number, attachments: readonly AttachmentInfo[]): Promise<SaveOutcome | null> {
  const api = engine().client.api;
  try {
    if (hasSaveDialog()) {
      const { paths, folder } = await api.attachments.save({ ids: attachments.map((a) => a.id) });
      return paths.length > 0 ? { kind: 'saved', paths, folder } : null;
    }
    if (attachments.length === 1) {
      const file = await api.attachments.content({ id: attachments[0]!.id });
      downloadBytes(base64Bytes(file.data), file.filename);
      return { kind: 'downloaded', name: file.filename };
    }
    const archive = await api.attachments.zip({ messageId });
    downloadBytes(base64Bytes(archive.data), archive.filename);
    return { kind: 'downloaded', name: archive.filename };
  } catch (error) {
    reportError(error);
    return null;
  }
}
