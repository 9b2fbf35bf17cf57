import { useEffect, useState } from 'react';
import { THUMBNAIL_MAX_BYTES, type AttachmentInfo } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';

// Attachment files never change, so a thumbnail fetched once serves every later showing; the oldest go first.
const CACHE_SIZE = 60;
const cache = new Map<number, string | null>();

function remember(id: number, url: string | null): void {
  cache.set(id, url);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * A data: URL of an image attachment's picture for its thumbnail, or null (not an image, too large, not drawable,
 * or still loading). The engine decides what is a picture from the bytes; a failure leaves the type's icon.
 */
export function useThumbnail(attachment: AttachmentInfo, wanted: boolean): string | null {
  const eligible = wanted && attachment.size <= THUMBNAIL_MAX_BYTES;
  const [url, setUrl] = useState<string | null>(() => (eligible ? (cache.get(attachment.id) ?? null) : null));
  useEffect(() => {
    if (!eligible) return;
    if (cache.has(attachment.id)) {
      setUrl(cache.get(attachment.id) ?? null);
      return;
    }
    let live = true;
    engine()
      .client.api.attachments.thumbnail({ id: attachment.id })
      .then((thumb) => {
        const made = thumb.data && thumb.contentType ? `data:${thumb.contentType};base64,${thumb.data}` : null;
        remember(attachment.id, made);
        if (live) setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [attachment.id, eligible]);
  return eligible ? url : null;
}
