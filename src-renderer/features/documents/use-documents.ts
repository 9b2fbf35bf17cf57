import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentsListing, RecordRef } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

/** Bursts of changes (files dropped by the dozen) come as many events: one refetch per quiet 100 ms. */
const COALESCE_MS = 100;

/**
 * A record's documents, fetched again whenever documents change (here, in another window, or by a colleague's
 * filing on the same engine). An answer overtaken by a newer request is dropped. Null while the first one loads.
 */
export function useDocuments(record: RecordRef | null): { listing: DocumentsListing | null; reload(): void } {
  const [listing, setListing] = useState<DocumentsListing | null>(null);
  const latest = useRef(0);
  const type = record?.type;
  const id = record?.id;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    if (type === undefined || id === undefined) return;
    engine()
      .client.api.documents.list({ record: { type, id } })
      .then(
        (answer) => {
          if (ticket === latest.current) setListing(answer);
        },
        (error: unknown) => {
          if (ticket === latest.current) reportError(error);
        },
      );
  }, [type, id]);

  useEffect(() => {
    setListing(null);
    reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onCrmChanged((table) => {
      if (table !== 'documents') return;
      clearTimeout(timer);
      timer = setTimeout(reload, COALESCE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [reload]);

  return { listing, reload };
}
