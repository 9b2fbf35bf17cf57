import { useEffect } from 'react';
import { useFileDrop, type FileDrop } from '../../documents/file-drop.js';

/*
 * Files dropped anywhere on the composer go to its attachments panel. The window has one panel, which listens
 * here; the composer spreads useAttachmentDrop()'s handlers on its outer element. A drop the body editor already
 * took (an image placed inline) arrives here with defaultPrevented and is left alone.
 */
type Listener = (files: File[]) => void;
const listeners = new Set<Listener>();

/** The panel's side: files dropped on the composer come to `listener` while it is mounted. */
export function useDroppedFiles(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

/** For the composer: makes the element it is spread on a drop zone whose files become attachments. */
export const useAttachmentDrop = (): FileDrop =>
  useFileDrop((files) => {
    for (const listener of listeners) listener(files);
  });
