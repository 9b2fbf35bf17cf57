import { useEffect, useState } from 'react';
import type { RecordHit, RecordType } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';

/** Typing pauses this long before a search goes out. */
const DEBOUNCE_MS = 150;

/** Records matching what is typed (of one type, or all), as records.search finds them; off while `enabled` is false. */
export function useRecordSearch(query: string, type: RecordType | null, enabled: boolean): RecordHit[] {
  const [hits, setHits] = useState<RecordHit[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      engine()
        .client.api.records.search({ query, ...(type ? { types: [type] } : {}), limit: 20 })
        .then(
          (answer) => {
            if (current) setHits(answer.items);
          },
          (error: unknown) => {
            if (current) reportError(error);
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, type, enabled]);
  return hits;
}
