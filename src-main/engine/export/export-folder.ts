import type { ServiceDeps } from '../services/handler.js';
import { cached } from '../store/statements.js';
import { writeEmlTree } from './eml-writer.js';
import type { ExportMessage } from './export-message.js';
import { writeMboxTree } from './mbox-writer.js';

export interface FolderExport {
  folderId: number;
  subfolders: boolean;
  format: 'eml' | 'mbox';
  path: string;
  agentId: number;
}

/**
 * A folder (and its subfolders) written out as .eml files or mboxrd files, each message's exact original bytes, so
 * that importing the result into an empty store gives the same messages. Private messages the agent may not read
 * are left out: an export is a way to read them.
 */
export async function exportFolder(deps: ServiceDeps, e: FolderExport): Promise<{ messages: number; files: number; path: string }> {
  const root = deps.folders.get(e.folderId);
  const folders = e.subfolders ? deps.folders.subtree(e.folderId).reverse() : [root];
  const rootPath = deps.folders.path(root.id).split('/');
  const rows = cached(deps.store.sqlite, 'SELECT id, subject, received_at, private, owner_agent_id FROM messages WHERE folder_id = ? ORDER BY date, id');

  async function* messages(): AsyncIterable<ExportMessage> {
    for (const folder of folders) {
      // Relative to the exported folder, whose own name is the top: "Clients" → Clients.mbox, "Clients/ACME" → Clients/ACME.mbox.
      const names = deps.folders.path(folder.id).split('/').slice(rootPath.length - 1);
      for (const m of rows.all(folder.id) as Array<{ id: number; subject: string; received_at: number; private: number; owner_agent_id: number | null }>) {
        if (!deps.access.canSeeContent(e.agentId, m)) continue;
        yield { folder: names, name: m.subject || 'message', raw: deps.sourceOf(m.id), receivedAt: new Date(m.received_at) };
      }
    }
  }

  const summary = e.format === 'eml' ? await writeEmlTree(messages(), e.path) : await writeMboxTree(messages(), e.path);
  return { messages: summary.messages, files: summary.files, path: e.path };
}
