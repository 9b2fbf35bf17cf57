import { useCallback, useEffect, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

interface Question {
  address: string;
  contacts: Array<{ id: number; name: string }>;
}

/**
 * When the sender's address belongs to several contacts, the engine files the email under none of them rather than
 * guess; this asks once which contact it is, and the answer holds for all their mail, past and future.
 */
export function AmbiguousSender({ detail, onSettled }: { detail: MessageDetail; onSettled: () => void }) {
  const t = useT();
  const [question, setQuestion] = useState<Question | null>(null);
  const sender = detail.from ? normalizeAddress(detail.from.address) : null;

  const load = useCallback(async () => {
    if (!sender) return setQuestion(null);
    const { items } = await engine().client.api.links.ambiguous({});
    setQuestion(items.find((q) => q.address === sender) ?? null);
  }, [sender]);

  useEffect(() => {
    load().catch(reportError);
    return onCrmChanged((table) => {
      if (table === 'contacts') load().catch(reportError);
    });
  }, [load]);

  if (!question) return null;
  const settle = async (contactId: number) => {
    await engine().client.api.links.settle({ address: question.address, contactId });
    setQuestion(null);
    onSettled();
  };
  return (
    <div className="crm-ambiguous" role="group" aria-label={t('crmLinks.ambiguous.label')} data-testid="crm-ambiguous">
      <span>{t('crmLinks.ambiguous.question', { address: question.address })}</span>
      {question.contacts.map((c) => (
        <button key={c.id} type="button" className="link-button" onClick={() => void settle(c.id).catch(reportError)}>
          {t('crmLinks.ambiguous.choose', { name: c.name })}
        </button>
      ))}
    </div>
  );
}
