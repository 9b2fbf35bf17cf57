import { useState, type DragEvent } from 'react';
import { carriesFiles } from './drag-data.js';

export interface FileDrop {
  /** Files are being dragged over the element: show where they will go. */
  dropping: boolean;
  dropProps: {
    onDragOver(e: DragEvent): void;
    onDragLeave(e: DragEvent): void;
    onDrop(e: DragEvent): void;
  };
}

/**
 * Makes the element its props are spread on a drop zone for files from the desktop (the documents panel, the
 * composer and its attachments panel). A drag an inner zone already took (defaultPrevented) is left to it, and a
 * drop taken here is marked so for the zones around.
 */
export function useFileDrop(onFiles: (files: File[]) => void): FileDrop {
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
        onFiles([...e.dataTransfer.files]);
      },
    },
  };
}
