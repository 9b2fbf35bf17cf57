import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { problemText } from './problem.js';

/**
 * What every dialog of the CRM menu does on submit: one request at a time, the last problem cleared, and either the
 * outcome handed to `onDone` (the dialog closes and the agent is told) or the engine's refusal shown in the dialog.
 */
export function useCrmSubmit(onDone: (outcome: string) => void) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onDone(await work());
    } catch (error) {
      setProblem(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return { problem, setProblem, busy, run };
}
