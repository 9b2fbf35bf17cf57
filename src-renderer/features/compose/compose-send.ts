import type { Draft } from '../../../src-shared/contract/index.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { engine } from '../../api/engine.js';
import { clearBackup } from './compose-backup.js';
import { leaveWindow } from './compose-close.js';
import { askSendAnyway } from './compose-questions.js';
import { cancelAutosave, savesSettled } from './compose-save.js';
import { assembleDraft, offeredTasks, useComposer } from './compose-store.js';
import { missingStill } from './compose-template.js';
import { scheduleProblem } from './fields/send-later.js';

/** A recipient as it was entered: "Name <address>", or the name alone when nothing in it was an address. */
function entryOf(draft: Draft, address: string): string {
  const all = [...draft.to, ...draft.cc, ...draft.bcc];
  if (address === '') return all.filter((r) => r.address === '').map((r) => r.name).join(', ');
  const recipient = all.find((r) => r.address === address);
  return recipient ? formatAddress(recipient) : address;
}

/**
 * Send: recipients and a subject first (the field says what is missing and takes the focus), then compose.check —
 * addresses the engine warns about and template fields without a value are shown, and the person may still send.
 * compose.send queues the mail in the Outbox (or for later) and the window closes at once; a refusal keeps the
 * window open with the engine's reason.
 */
export async function sendMail(): Promise<void> {
  const state = useComposer.getState();
  if (state.sending || state.phase !== 'ready') return;
  const draft = assembleDraft();
  if (draft.to.length + draft.cc.length + draft.bcc.length === 0) {
    useComposer.setState((s) => ({ problem: 'recipients-missing', problemNonce: s.problemNonce + 1 }));
    return;
  }
  if (draft.subject.trim() === '') {
    useComposer.setState((s) => ({ problem: 'subject-missing', problemNonce: s.problemNonce + 1 }));
    return;
  }
  // A time chosen a while ago may have passed meanwhile (SendLater says why beside the choice).
  if (scheduleProblem(draft.sendAt) !== null) {
    useComposer.setState((s) => ({ problem: 'schedule', problemNonce: s.problemNonce + 1 }));
    return;
  }
  useComposer.setState({ sending: true, sendError: null, problem: null });
  try {
    const check = await engine().client.api.compose.check(draft);
    useComposer.setState({ warnings: check.warnings });
    const missing = missingStill(state.templateMissing);
    if (check.warnings.length > 0 || missing.length > 0) {
      const warnings = check.warnings.map((w) => ({ entry: entryOf(draft, w.address), reason: w.reason }));
      if (!(await askSendAnyway({ warnings, missing }))) return;
    }
    // A save under way may be creating the draft this mail comes from: it must be known to be deleted with it.
    cancelAutosave();
    await savesSettled();
    const { draftId, revision } = useComposer.getState();
    const { messageId } = await engine().client.api.compose.send({ draft: assembleDraft(), draftId: draftId ?? undefined });
    // The tasks of the email answered that the person left ticked follow the reply into their history.
    const { declinedTasks } = useComposer.getState();
    for (const task of offeredTasks(useComposer.getState()).filter((l) => !declinedTasks.includes(l.id))) {
      await engine().client.api.links.add({ messageId, type: 'task', id: task.id });
    }
    useComposer.setState({ savedRevision: revision });
    clearBackup();
    leaveWindow();
  } catch (error) {
    useComposer.setState({ sendError: error instanceof Error ? error.message : String(error) });
  } finally {
    useComposer.setState({ sending: false });
  }
}
