import { engine } from '../../api/engine.js';
import { refreshBackup, writeBackup } from './compose-backup.js';
import { assembleDraft, isDirty, useComposer } from './compose-store.js';
import { composeHash } from './compose-window.js';

/** Saved this long after the last change: often enough to lose nothing, rarely enough to cost nothing. */
export const AUTOSAVE_DELAY_MS = 2000;

let running: Promise<boolean> | null = null;
let again = false;

/**
 * Saves the draft (drafts.save) if anything changed since the last save. One save at a time: a change made while
 * one runs is saved right after it. Resolves true when the draft is saved as it stands.
 */
export function saveDraft(): Promise<boolean> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await saveOnce();
      } while (again);
      return !isDirty();
    } finally {
      running = null;
    }
  })();
  return running;
}

async function saveOnce(): Promise<void> {
  const state = useComposer.getState();
  if (state.phase !== 'ready' || !isDirty()) return;
  const revision = state.revision;
  const draft = assembleDraft();
  useComposer.setState({ saving: true });
  try {
    const { id, savedAt } = await engine().client.api.drafts.save({ id: state.draftId ?? undefined, draft });
    useComposer.setState({ draftId: id, savedAt, savedRevision: revision, saveError: null });
    // A reload of this window now opens the saved draft rather than starting a new mail.
    history.replaceState(history.state, '', composeHash({ kind: 'draft', id }));
    await replaceOriginal();
    // A reload started before this answer came opens the address it began with: the tab's copy must name the draft.
    refreshBackup();
  } catch (error) {
    useComposer.setState({ saveError: error instanceof Error ? error.message : String(error) });
  } finally {
    useComposer.setState({ saving: false });
  }
}

/** A draft taken over from another client's copy in Drafts: once ours is saved, theirs goes (as Thunderbird does). */
async function replaceOriginal(): Promise<void> {
  const original = useComposer.getState().replacesMessageId;
  if (original === null) return;
  useComposer.setState({ replacesMessageId: null });
  await engine().client.api.messages.delete({ ids: [original], permanent: true });
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Starts saving on its own, a few seconds after each change. The tab's copy (compose-backup.ts) is written when
 * the page is hidden or unloads rather than as typing pauses: exporting a body with pictures costs tens of
 * milliseconds each time, which typing would feel.
 */
export function startAutosave(): () => void {
  const unsubscribe = useComposer.subscribe((state, previous) => {
    if (state.revision === previous.revision || state.phase !== 'ready') return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
  });
  // Hidden (another window in front, the tab closing): a good moment to save what is there.
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && isDirty()) {
      writeBackup();
      void saveDraft();
    }
  };
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    clearTimeout(saveTimer);
    document.removeEventListener('visibilitychange', onHidden);
  };
}

/** Resolves once no save is running (sending must know the draft a running save is creating). */
export function savesSettled(): Promise<unknown> {
  return running ?? Promise.resolve();
}

/** No save waiting for its delay (sending or closing takes over). */
export function cancelAutosave(): void {
  clearTimeout(saveTimer);
}
