import { useEffect } from 'react';
import { engine } from '../../api/engine.js';
import { useLive, type Live } from '../crm/use-live.js';

/**
 * A mailings view kept current: fetched again when a mailing moves (`mailing.progress`, coalesced like the CRM's
 * changes), or only when the one shown moves.
 */
export function useMailingLive<T>(load: () => Promise<T>, deps: readonly unknown[], subject: string, mailingId?: number): Live<T> {
  const live = useLive(load, deps, [], subject);
  const { reload } = live;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = engine().client.on('mailing.progress', (p) => {
      if (mailingId !== undefined && p.id !== mailingId) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 100);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [mailingId, reload]);
  return live;
}
