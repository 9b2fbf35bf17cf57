import type { LinkReason } from '../../../src-shared/contract/index.js';
import type { MessageKey } from '../../i18n/catalogs.js';

/** The badge on a link ("by address") and its tooltip, which says what made it. */
export const REASON_LABELS: Record<LinkReason, { badge: MessageKey; hint: MessageKey }> = {
  address: { badge: 'crmLinks.reason.address', hint: 'crmLinks.reasonHint.address' },
  thread: { badge: 'crmLinks.reason.thread', hint: 'crmLinks.reasonHint.thread' },
  manual: { badge: 'crmLinks.reason.manual', hint: 'crmLinks.reasonHint.manual' },
};
