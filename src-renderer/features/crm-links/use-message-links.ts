import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractError, type MessageDetail, type MessageLink, type StoreTable } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { onCrmChanged } from '../../stores/crm-changes.js';
import { reportError } from '../../stores/error-store.js';

/** Tables whose rows a link names: a rename, a deletion or a new contact's address changes what the panel shows. */
const RECORD_TABLES: ReadonlySet<StoreTable> = new Set(['contacts', 'companies', 'leads', 'deals', 'tickets', 'tasks', 'events']);

/**
 * The open message's links: the reader's detail (refetched on every change to the message), or a fresher answer
 * from links.add/remove or links.ofMessage until the next detail arrives. A new contact's mail is linked with an
 * event that names no message, so the panel asks again on any record change.
 */
export function useMessageLinks(detail: MessageDetail) {
  const [own, setOwn] = useState<{ for: MessageDetail; links: MessageLink[] } | null>(null);
  const current = useRef(detail);
  current.current = detail;
  // Only the latest answer counts: a refetch started before an unlink must not bring the link back.
  const latest = useRef(0);

  const accept = useCallback((links: MessageLink[]) => setOwn({ for: current.current, links }), []);

  const refetch = useCallback(async () => {
    const mine = ++latest.current;
    const messageId = current.current.id;
    try {
      const { items } = await engine().client.api.links.ofMessage({ messageId });
      if (mine === latest.current && current.current.id === messageId) accept(items);
    } catch (error) {
      // The message went away while open: the reader says so.
      if (!(error instanceof ContractError && error.code === 'NOT_FOUND')) reportError(error);
    }
  }, [accept]);

  useEffect(() => onCrmChanged((table) => {
    if (RECORD_TABLES.has(table)) void refetch();
  }), [refetch]);

  /** Runs a change whose answer is the message's links (links.add, links.remove) and shows that answer. */
  const change = useCallback(async (run: () => Promise<{ items: MessageLink[] }>) => {
    const mine = ++latest.current;
    const { items } = await run();
    if (mine === latest.current) accept(items);
  }, [accept]);

  const links = own && own.for === detail ? own.links : detail.links;
  return { links, refetch, change };
}
