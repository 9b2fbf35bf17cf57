import { create } from 'zustand';
import type { RecipientWarning } from '../../../src-shared/contract/index.js';

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** What the send check found that the person should see before the mail goes. */
export interface SendFindings {
  /** Each with the recipient as the person entered it (an entry with no address at all has only its name). */
  warnings: Array<{ entry: string; reason: RecipientWarning['reason'] }>;
  /** Merge fields of a template still without a value in the text. */
  missing: string[];
}

interface Questions {
  close: ((choice: CloseChoice) => void) | null;
  send: { findings: SendFindings; answer(send: boolean): void } | null;
}

/** The composer's own questions (closing unsaved, sending despite warnings), each answered once. */
export const useComposeQuestions = create<Questions>(() => ({ close: null, send: null }));

export function askClose(): Promise<CloseChoice> {
  useComposeQuestions.getState().close?.('cancel');
  return new Promise((resolve) =>
    useComposeQuestions.setState({
      close: (choice) => {
        useComposeQuestions.setState({ close: null });
        resolve(choice);
      },
    }),
  );
}

export function askSendAnyway(findings: SendFindings): Promise<boolean> {
  useComposeQuestions.getState().send?.answer(false);
  return new Promise((resolve) =>
    useComposeQuestions.setState({
      send: {
        findings,
        answer: (send) => {
          useComposeQuestions.setState({ send: null });
          resolve(send);
        },
      },
    }),
  );
}
