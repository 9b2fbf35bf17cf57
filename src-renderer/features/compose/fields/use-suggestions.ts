import { useEffect, useRef, useState } from 'react';
import type { RecipientSuggestion } from '../../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../../src-shared/domain/address.js';
import { reportError } from '../../../stores/error-store.js';
import { suggestRecipients } from './fields-api.js';

/** Typing pauses this long before the engine is asked. */
const DEBOUNCE_MS = 150;
const LIMIT = 8;

/**
 * Contacts and recent correspondents matching what is being typed, without those already chosen. Each keystroke
 * cancels the pending question, and an answer that comes back after a newer question went out is dropped, so a
 * slow answer for "an" never replaces the one for "ana".
 */
export function useSuggestions(query: string, chosen: readonly string[]): { items: RecipientSuggestion[]; clear(): void } {
  const [items, setItems] = useState<RecipientSuggestion[]>([]);
  const asked = useRef(0);
  const exclude = new Set(chosen.map(normalizeAddress));
  const words = query.trim();

  useEffect(() => {
    const mine = ++asked.current;
    if (words === '') {
      setItems([]);
      return;
    }
    const timer = setTimeout(() => {
      suggestRecipients({ query: words, limit: LIMIT }).then(
        (answer) => {
          if (mine === asked.current) setItems(answer.items);
        },
        (error: unknown) => {
          if (mine === asked.current) reportError(error);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [words]);

  return {
    items: items.filter((s) => !exclude.has(normalizeAddress(s.address))),
    clear: () => {
      asked.current++;
      setItems([]);
    },
  };
}
