import { useEffect, useRef, useState } from 'react';
import type { RecipientSuggestion } from '../../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../../src-shared/domain/address.js';
import { engine } from '../../../api/engine.js';
import { reportError } from '../../../stores/error-store.js';
import { LatestQuery } from './latest-query.js';

/** Typing pauses this long before the engine is asked. */
const DEBOUNCE_MS = 150;
const LIMIT = 8;

/** Contacts and recent correspondents matching what is being typed (the last question's answer only), without those already chosen. */
export function useSuggestions(query: string, chosen: readonly string[]): { items: RecipientSuggestion[]; clear(): void } {
  const [items, setItems] = useState<RecipientSuggestion[]>([]);
  const questions = useRef<LatestQuery<string, RecipientSuggestion[]> | null>(null);
  questions.current ??= new LatestQuery<string, RecipientSuggestion[]>(
    (q) => engine().client.api.recipients.suggest({ query: q, limit: LIMIT }).then((a) => a.items),
    (answer) => setItems(answer),
    reportError,
    DEBOUNCE_MS,
  );
  const exclude = new Set(chosen.map(normalizeAddress));
  const words = query.trim();

  useEffect(() => {
    const latest = questions.current!;
    if (words === '') {
      latest.cancel();
      setItems([]);
    } else latest.ask(words);
  }, [words]);
  useEffect(() => () => questions.current?.cancel(), []);

  return {
    items: items.filter((s) => !exclude.has(normalizeAddress(s.address))),
    clear: () => {
      questions.current?.cancel();
      setItems([]);
    },
  };
}
