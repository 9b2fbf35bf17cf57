import type { Draft } from '../../../src-shared/contract/index.js';
import type { BodyParts } from './body-parts.js';
import { currentParts, useComposer } from './compose-store.js';

/**
 * The newest state of this window's mail, kept in the tab's session storage between saves. The engine's draft is
 * saved a few seconds after typing stops; a reload (or a crash of the page) in between would lose those seconds,
 * and a request sent while the page unloads may never arrive. Session storage is written synchronously and
 * survives a reload of the same window, never another window's (each composer is its own tab).
 */
const KEY = 'facteur.compose.backup';

interface Backup {
  hash: string;
  draft: Draft;
  draftId: number | null;
  reopened: boolean;
  replacesMessageId: number | null;
  parts: BodyParts;
}

export function writeBackup(): void {
  const s = useComposer.getState();
  if (s.phase !== 'ready') return;
  const backup: Backup = {
    hash: location.hash,
    draft: s.draft,
    draftId: s.draftId,
    reopened: s.reopened,
    replacesMessageId: s.replacesMessageId,
    parts: currentParts(),
  };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(backup));
  } catch {
    // Over the storage quota (pictures in the text): the engine's saves still keep the mail.
    sessionStorage.removeItem(KEY);
  }
}

export function clearBackup(): void {
  sessionStorage.removeItem(KEY);
}

/** The kept state, when it belongs to the mail this window shows (the same address). */
export function readBackup(): Omit<Backup, 'hash'> | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const { hash, ...backup } = JSON.parse(raw) as Backup;
    return hash === location.hash ? backup : null;
  } catch {
    return null;
  }
}
