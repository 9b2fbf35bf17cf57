import { useCallback, useEffect, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';
import { AddressQuestion, type SharedAddress } from './AddressQuestion.js';

/**
 * When the sender's address belongs to several contacts, the engine files the email under none of them rather than
 * guess; this asks once which contact it is, and the answer holds for all their mail, past and future.
 */
export function AmbiguousSender({ detail, onSettled }: { detail: MessageDetail; onSettled: () => void }) {
  const [question, setQuestion] = useState<SharedAddress | null>(null);
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
  return (
    <AddressQuestion
      question={question}
      onSettled={() => {
        setQuestion(null);
        onSettled();
      }}
    />
  );
}
