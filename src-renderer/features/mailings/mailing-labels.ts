import type { Mailing, MailingRecipient } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export const STATE_KEYS: Record<Mailing['state'], MessageKey> = {
  running: 'mailings.state.running',
  paused: 'mailings.state.paused',
  cancelled: 'mailings.state.cancelled',
  done: 'mailings.state.done',
};

export const RECIPIENT_STATE_KEYS: Record<MailingRecipient['state'], MessageKey> = {
  waiting: 'mailings.recipient.waiting',
  queued: 'mailings.recipient.queued',
  sent: 'mailings.recipient.sent',
  failed: 'mailings.recipient.failed',
  skipped: 'mailings.recipient.skipped',
};

export const REASON_KEYS: Record<NonNullable<MailingRecipient['reason']>, MessageKey> = {
  blacklisted: 'mailings.reason.blacklisted',
  'hard-bounce': 'mailings.reason.hardBounce',
  'no-address': 'mailings.reason.noAddress',
  duplicate: 'mailings.reason.duplicate',
  'send-failed': 'mailings.reason.sendFailed',
};
