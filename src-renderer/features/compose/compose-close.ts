import { engine } from '../../api/engine.js';
import { clearBackup, writeBackup } from './compose-backup.js';
import { askClose } from './compose-questions.js';
import { cancelAutosave, saveDraft } from './compose-save.js';
import { isDirty, useComposer } from './compose-store.js';

let leaving = false;

/**
 * Closes the window for good (sent, saved or discarded). A window the page did not open itself cannot be closed by
 * script: it then says the mail is done and may be closed.
 */
export function leaveWindow(): void {
  leaving = true;
  cancelAutosave();
  clearBackup();
  window.close();
  setTimeout(() => useComposer.setState({ phase: 'done' }), 200);
}

/** Deletes the saved draft, if there is one. */
async function deleteDraft(): Promise<void> {
  const { draftId } = useComposer.getState();
  if (draftId !== null) await engine().client.api.drafts.delete({ id: draftId });
}

/**
 * Closing: nothing to lose closes at once (what was typed is saved); otherwise Save, Discard or Cancel. Discarding
 * a mail begun in this window deletes its draft; a draft opened from Drafts keeps what was last saved.
 */
export async function requestClose(): Promise<void> {
  const s = useComposer.getState();
  if (s.phase !== 'ready' || (!isDirty() && !s.saving)) return leaveWindow();
  const choice = await askClose();
  if (choice === 'cancel') return;
  try {
    if (choice === 'save') {
      if (!(await saveDraft())) return;
    } else {
      cancelAutosave();
      if (!useComposer.getState().reopened) await deleteDraft();
    }
    leaveWindow();
  } catch (error) {
    useComposer.setState({ saveError: error instanceof Error ? error.message : String(error) });
  }
}

/** The Discard button: the mail and its saved draft go, after a confirmation the component asks. */
export async function discardMail(): Promise<void> {
  cancelAutosave();
  try {
    await deleteDraft();
    leaveWindow();
  } catch (error) {
    useComposer.setState({ saveError: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The window closing by other means (its close box, a reload, the app quitting). The mail is kept in the tab and a
 * save starts; the page then asks to stay. Electron shows no question of its own for a page that refuses to unload
 * (it just stays open), so there the composer asks its own Save / Discard / Cancel.
 */
export function guardUnload(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (leaving || useComposer.getState().phase !== 'ready' || !isDirty()) return;
    writeBackup();
    void saveDraft();
    event.preventDefault();
    event.returnValue = '';
    if (window.facteur) setTimeout(() => void requestClose(), 0);
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
