import type { Draft } from '../../../src-shared/contract/index.js';
import type { BodyParts } from './body-parts.js';
import { currentParts, useComposer } from './compose-store.js';

/**
 * The newest state of this window's mail, kept in the tab's session storage. The engine's draft is saved a few
 * seconds after typing stops; a reload (or a crash of the page) in between would lose those seconds, and a request
 * sent while the page unloads may never arrive. Session storage is written synchronously and survives a reload of
 * the same window, never another window's: each composer is a tab of its own, and the only copy a new window gets
 * is its opener's (the mailbox's or a message window's), which never holds one. Whatever this tab holds is
 * therefore this window's mail, whatever its address says (a reload may still show the address it opened with).
 */
const KEY = 'facteur.compose.backup';

interface Backup {
  draft: Draft;
  draftId: number | null;
  reopened: boolean;
  replacesMessageId: number | null;
  parts: BodyParts;
}

/** A copy was kept by this page: later saves keep it current (the draft it names, above all). */
let kept = false;

export function writeBackup(): void {
  const s = useComposer.getState();
  if (s.phase !== 'ready') return;
  kept = true;
  const backup: Backup = {
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

/** After a save: the kept copy, if there is one, names the draft now (costs nothing when none was kept). */
export function refreshBackup(): void {
  if (kept) writeBackup();
}

export function clearBackup(): void {
  kept = false;
  sessionStorage.removeItem(KEY);
}

/** The kept state of this window's mail, if any; from then on this page keeps it current. */
export function readBackup(): Backup | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const backup = JSON.parse(raw) as Backup;
    kept = true;
    return backup;
  } catch {
    return null;
  }
}
