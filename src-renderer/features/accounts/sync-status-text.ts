import { ERROR_KEYS, SYNC_PHASE_KEYS } from '../../i18n/label-keys.js';
import type { Translate } from '../../i18n/use-t.js';
import type { AccountStatus, OutboxSendResult } from '../../stores/sync-status-store.js';

export interface StatusText {
  /** Shown in the tree; counts move with every message. */
  visible: string;
  /** Announced: changes with the phase only, so a download does not read out every number. */
  spoken: string;
  error: { code: keyof typeof ERROR_KEYS; message: string } | null;
  phase: string;
}

const NOTHING: StatusText = { visible: '', spoken: '', error: null, phase: 'unknown' };

function outboxText(t: Translate, r: OutboxSendResult): string {
  const notSent = r.failed + r.unknown + r.queued;
  if (r.sent === 0 && notSent === 0) return t('outbox.nothingToSend');
  return [r.sent > 0 ? t('outbox.sent', { count: r.sent }) : null, notSent > 0 ? t('outbox.notSent', { count: notSent }) : null]
    .filter(Boolean)
    .join(' · ');
}

export function statusText(t: Translate, status: AccountStatus | undefined): StatusText {
  if (!status) return NOTHING;
  if (status.kind === 'outbox') {
    const text = outboxText(t, status.result);
    return { visible: text, spoken: text, error: null, phase: 'outbox-result' };
  }
  const { phase, done, total, error } = status.progress;
  if (phase === 'error') {
    const code = error?.code ?? 'UNKNOWN';
    const text = t(ERROR_KEYS[code]);
    return { visible: text, spoken: text, error: { code, message: error?.message ?? '' }, phase };
  }
  if (phase === 'messages') {
    return { visible: t('sync.downloading', { done, total }), spoken: t('sync.downloadingSpoken'), error: null, phase };
  }
  const text = t(SYNC_PHASE_KEYS[phase]);
  return { visible: text, spoken: text, error: null, phase };
}
