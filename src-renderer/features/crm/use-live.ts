import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoreTable } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

/** Bursts of changes (an import, a sync) come as many events: one refetch per quiet 100 ms. */
const COALESCE_MS = 100;

export interface Live<T> {
  /** The last answer; kept while a refetch runs so the view does not flicker. */
  data: T | null;
  /** The last failure, or null; a later success clears it. */
  error: unknown;
  reload(): void;
}

/**
 * Fetches what a CRM view shows, again when `deps` change, and again whenever one of `tables` changes while the view
 * is mounted. Answers that arrive after a newer request was made are dropped, so a slow old query never overwrites a
 * fresh one.
 */
export function useLive<T>(load: () => Promise<T>, deps: readonly unknown[], tables: readonly StoreTable[], subject?: string): Live<T> {
  const [data, setData] = useState<T | null>(null);
  const shownSubject = useRef(subject);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return;
        setError(failure);
        reportError(failure);
      },
    );
  }, []);

  useEffect(() => {
    // Another subject (another record, another section) starts empty rather than showing the previous one's rows;
    // the same one asked differently (one more page, another filter) keeps its rows until the answer comes.
    if (subject === undefined || subject !== shownSubject.current) setData(null);
    shownSubject.current = subject;
    reload();
  }, deps);

  const tableKey = tables.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, COALESCE_MS);
    };
    const watched = new Set(tableKey.split(','));
    const offCrm = onCrmChanged((table) => {
      if (watched.has(table)) schedule();
    });
    // Mail is not a CRM table: its changes (a new email, one marked private) reach the timelines from the event itself.
    const offMail = watched.has('messages')
      ? engine().client.on('store.changed', ({ table }) => {
          if (table === 'messages') schedule();
        })
      : () => undefined;
    return () => {
      clearTimeout(timer);
      offCrm();
      offMail();
    };
  }, [tableKey, reload]);

  return { data, error, reload };
}
