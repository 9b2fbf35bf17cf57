import type { DraftAttachment } from '../../../src-shared/contract/index.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { EngineError } from '../errors.js';
import type { TemplateValues } from './templates-repo.js';

/**
 * A template keeps its own copy of each file, as a blob: an upload is stored now, a blob must already be here.
 * Files that belong to something else (a message's attachment, a CRM document) would leave with it, so they are
 * refused with the way to keep them.
 */
export function templateAttachments(blobs: BlobStore, attachments: DraftAttachment[]): TemplateValues['attachments'] {
  return attachments.map((a) => {
    switch (a.kind) {
      case 'blob':
        if (!blobs.has(a.sha256)) throw new EngineError('INVALID_INPUT', `The file "${a.filename}" is no longer held by Facteur; add it to the template again.`);
        return a;
      case 'upload': {
        const blob = blobs.put(Buffer.from(a.data, 'base64'));
        return { kind: 'blob', filename: a.filename, contentType: a.contentType || 'application/octet-stream', sha256: blob.sha256, size: blob.size };
      }
      case 'attachment':
      case 'document':
      case 'message':
        throw new EngineError('INVALID_INPUT', `"${a.filename}" belongs to a message or a record; a template keeps its own files: upload it to the template instead.`);
    }
  });
}
