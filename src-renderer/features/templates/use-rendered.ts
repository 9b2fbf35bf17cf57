import { useEffect, useState } from 'react';
import type { MergeTarget } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import type { Rendered } from './TemplatePreview.js';

/**
 * A preview kept in step with what it is made from: `request` runs after `delay` ms without a change of `key`, and
 * an answer that arrives after a newer request was made is dropped.
 */
export function useRendered(key: string, request: () => Promise<Rendered>, delay: number): Rendered | null {
  const [rendered, setRendered] = useState<Rendered | null>(null);
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      request().then((r) => !stale && setRendered(r), (error: unknown) => !stale && reportError(error));
    }, delay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `key` says everything the request depends on.
  }, [key]);
  return rendered;
}

export const targetOf = (contactId: number | undefined): MergeTarget => (contactId === undefined ? {} : { contactId });

export const renderSaved = (id: number, contactId: number | undefined) => engine().client.api.templates.render({ id, target: targetOf(contactId) });
