import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { useFolders } from '../../stores/folders-store.js';
import { useOpenMessage } from './reader-place.js';

/**
 * Whether this message's remote content loads: only when the agent chose it for this message or its sender, and
 * never in Junk, where mail is most likely to track or deceive (Mailspring does the same).
 */
export function useRemotePolicy(detail: MessageDetail): { junk: boolean; allowRemote: boolean } {
  const remoteOnce = useOpenMessage((s) => s.remoteOnce);
  const folderKind = useFolders((s) => s.folders.find((f) => f.id === detail.folderId)?.kind);
  const junk = folderKind === 'junk' || detail.flags.junk;
  return { junk, allowRemote: !junk && (detail.remoteContentAllowed || remoteOnce) };
}
