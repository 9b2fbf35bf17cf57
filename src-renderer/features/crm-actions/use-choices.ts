import { useEffect, useState } from 'react';
import { reportError } from '../../stores/error-store.js';

/** A list the engine offers once per dialog (ticket queues, task categories): what people already used. */
export function useChoices(load: () => Promise<{ items: string[] }>): string[] {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    load()
      .then((answer) => current && setItems(answer.items))
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
    };
    // Once per dialog.
  }, []);
  return items;
}
