import type { OutboxItem, OutboxLateness } from '../../../src-shared/contract/index.js';
import type { Engine } from '../../api/engine.js';
import { showNews } from '../../components/Notice.js';
import type { Translate } from '../../i18n/use-t.js';

/** Messages already announced, kept across reloads so a late or failed send is told once. */
const ANNOUNCED_KEY = 'facteur.outbox.announced';

function announced(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(ANNOUNCED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function remember(key: string): boolean {
  const seen = announced();
  if (seen.has(key)) return false;
  // The last few hundred are enough to never repeat one; the list stays small.
  localStorage.setItem(ANNOUNCED_KEY, JSON.stringify([...seen, key].slice(-300)));
  return true;
}

export interface Speaker {
  t: Translate;
  /** A moment as the window writes dates. */
  when(iso: string): string;
}

const lateText = ({ t, when }: Speaker, subject: string, late: OutboxLateness, sentAt: string | null) =>
  t(late.reason === 'closed' ? 'outbox.notice.lateClosed' : 'outbox.notice.lateRetried', {
    subject: subject || t('outbox.notice.noSubject'),
    hours: Math.floor(late.minutes / 60),
    minutes: late.minutes % 60,
    at: when(sentAt ?? new Date().toISOString()),
  });

/**
 * Tells the person what the outbox did while they were not looking: a message that could not be sent (with the
 * server's reason; it stays in the Outbox), and a scheduled one that went out late — at the next start when Facteur
 * was closed at its time. The engine may have sent it before this window connected: what the outbox still lists
 * is looked at too.
 */
export function startOutboxNotices({ client }: Engine, speaker: () => Speaker): () => void {
  const tell = (text: string) => showNews(text, speaker().t('outbox.notice.dismiss'));
  const review = (items: OutboxItem[]) => {
    for (const item of items) {
      if (item.state === 'failed' && remember(`failed:${item.messageId}:${item.attempts}`)) {
        const { t } = speaker();
        tell(t('outbox.notice.failed', { subject: item.subject || t('outbox.notice.noSubject'), reason: item.lastError ?? '' }));
      }
      if (item.state === 'sent' && item.late && remember(`late:${item.messageId}`)) tell(lateText(speaker(), item.subject, item.late, item.sentAt));
    }
  };
  const look = () => void client.api.outbox.list({}).then((r) => review(r.items), () => undefined);
  look();
  const offChanged = client.on('store.changed', ({ table }) => {
    if (table === 'outbox') look();
  });
  const offLate = client.on('outbox.late', ({ messageId, late, sentAt }) => {
    if (!remember(`late:${messageId}`)) return;
    void client.api.messages.get({ id: messageId }).then(
      (m) => tell(lateText(speaker(), m.subject, late, sentAt)),
      () => tell(lateText(speaker(), '', late, sentAt)),
    );
  });
  return () => {
    offChanged();
    offLate();
  };
}
