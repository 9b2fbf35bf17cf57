import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractError, type DraftAttachment } from '../../../../src-shared/contract/index.js';
import { UPLOAD_MAX_BYTES, uploadAttachment } from './attachment-upload.js';
import type { Upload } from './UploadRow.js';

/**
 * Files chosen or dropped, sent to the engine one at a time (each is a whole frame; two at once would only
 * compete for the same link), each becoming an attachment as soon as its answer comes. A failed one stays listed
 * with the reason and can be tried again.
 */
export function useUploads(onDone: (attachment: DraftAttachment) => void): { uploads: Upload[]; add(files: readonly File[]): void; retry(key: number): void; dismiss(key: number): void } {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queue = useRef<Upload[]>([]);
  const running = useRef(false);
  const nextKey = useRef(1);
  const mounted = useRef(true);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const patch = (key: number, change: Partial<Upload> | null) =>
    mounted.current && setUploads((list) => (change === null ? list.filter((u) => u.key !== key) : list.map((u) => (u.key === key ? { ...u, ...change } : u))));

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let item: Upload | undefined;
    while ((item = queue.current.shift()) && mounted.current) {
      const key = item.key;
      try {
        const attachment = await uploadAttachment(item.file, (phase, fraction) => patch(key, { state: phase, progress: fraction }));
        if (!mounted.current) break;
        patch(key, null);
        done.current(attachment);
      } catch (error) {
        patch(key, { state: 'failed', error: error instanceof ContractError || error instanceof Error ? error.message : String(error) });
      }
    }
    running.current = false;
  }, []);

  const enqueue = useCallback(
    (items: Upload[]) => {
      queue.current.push(...items.filter((u) => u.state === 'waiting'));
      void run();
    },
    [run],
  );

  return {
    uploads,
    add: useCallback(
      (files) => {
        const items = files.map((file): Upload => ({ key: nextKey.current++, file, state: file.size > UPLOAD_MAX_BYTES ? 'too-big' : 'waiting', progress: 0, error: null }));
        setUploads((list) => [...list, ...items]);
        enqueue(items);
      },
      [enqueue],
    ),
    retry(key) {
      const item = uploads.find((u) => u.key === key);
      if (!item) return;
      const again = { ...item, state: 'waiting' as const, progress: 0, error: null };
      patch(key, again);
      enqueue([again]);
    },
    dismiss(key) {
      patch(key, null);
    },
  };
}
