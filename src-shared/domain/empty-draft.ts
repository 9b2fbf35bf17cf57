import type { Draft } from '../contract/compose.js';

/** A new email with nothing in it yet, from the given account: what the rules and the composer start from. */
export function emptyDraft(accountId: number): Draft {
  return {
    accountId,
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    html: '',
    text: '',
    plainText: false,
    attachments: [],
    readReceipt: false,
    private: false,
    category: null,
    sendAt: null,
    origin: null,
    templateId: null,
  };
}
