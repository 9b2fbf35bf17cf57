import type { Draft, DraftAttachment } from '../../../src-shared/contract/compose.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import { draftFiles } from '../compose/draft-files.js';
import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';

export type FileDeps = Pick<ServiceDeps, 'store' | 'blobs' | 'messages' | 'access' | 'sourceOf'>;

/**
 * Uploads become blobs the moment the engine has them (the contract: never inline base64 once received), so the
 * saved JSON stays small and each later save refers to the file by hash. Returns the hashes just stored.
 */
export function storeUploads(deps: FileDeps, draft: Draft): { draft: Draft; stored: Set<string> } {
  const stored = new Set<string>();
  if (!draft.attachments.some((a) => a.kind === 'upload')) return { draft, stored };
  const attachments = draft.attachments.map((a): DraftAttachment => {
    if (a.kind !== 'upload') return a;
    const put = deps.blobs.put(Buffer.from(a.data, 'base64'));
    stored.add(put.sha256);
    return { kind: 'blob', filename: a.filename, contentType: a.contentType, sha256: put.sha256, size: put.size };
  });
  return { draft: { ...draft, attachments }, stored };
}

/**
 * The blobs a draft names, each checked as the agent by the compose engine's rules (a message's attachment or a
 * whole message only if the agent may read it — the copy lands in a folder others of the account see —, a blob
 * only if it was given to Facteur for a message, a document while it exists). `fresh`: blobs this save just stored.
 */
export function heldBlobs(deps: FileDeps, draft: Draft, agentId: number, fresh: ReadonlySet<string>): string[] {
  const files = draftFiles(deps, agentId);
  const held = new Set<string>();
  for (const a of draft.attachments) {
    if (!(a.kind === 'blob' && fresh.has(a.sha256))) files.size(a);
    const sha = blobOf(deps, a);
    if (sha) held.add(sha);
  }
  return [...held];
}

function blobOf(deps: FileDeps, a: DraftAttachment): string | null {
  const sha = (sql: string, id: number) => (cached(deps.store.sqlite, sql).get(id) as { sha256: string } | undefined)?.sha256 ?? null;
  switch (a.kind) {
    case 'upload':
      return null; // stored by storeUploads before holds are taken
    case 'blob':
      return a.sha256;
    case 'attachment':
      return sha('SELECT sha256 FROM attachments WHERE id = ?', a.attachmentId);
    case 'document':
      return sha('SELECT sha256 FROM documents WHERE id = ?', a.documentId);
    case 'message':
      return null; // the message's own row keeps its source
    default:
      return missingCase(a);
  }
}
