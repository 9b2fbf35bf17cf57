import { useEffect, useState, type DragEvent } from 'react';

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

export const carriesFiles = (data: DataTransfer | null) => data !== null && data.types.includes('Files');

export interface AttachmentDrop {
  /** Files are being dragged over the element: show where they will go. */
  dropping: boolean;
  dropProps: {
    onDragOver(e: DragEvent): void;
    onDragLeave(e: DragEvent): void;
    onDrop(e: DragEvent): void;
  };
}

/** For the composer: makes the element it is spread on a drop zone whose files become attachments. */
export function useAttachmentDrop(): AttachmentDrop {
  const [dropping, setDropping] = useState(false);
  return {
    dropping,
    dropProps: {
      onDragOver(e) {
        if (e.defaultPrevented || !carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      },
      onDragLeave(e) {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      },
      onDrop(e) {
        setDropping(false);
        if (e.defaultPrevented || !carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        const files = [...e.dataTransfer.files];
        for (const listener of listeners) listener(files);
      },
    },
  };
}
