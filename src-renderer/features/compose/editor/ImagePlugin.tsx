import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { $insertNodes, COMMAND_PRIORITY_HIGH, COMMAND_PRIORITY_LOW, DROP_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { $createImageNode } from './ImageNode.js';

/** Larger pictures belong in the attachments: the body is sent as one part and saved with every draft. */
export const INLINE_IMAGE_LIMIT = 5 * 1024 * 1024;

const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
const isPicture = (file: File) => INLINE_TYPES.has(file.type);

export interface ImagePluginProps {
  /** Pasted files that are not pictures to place in the text: for the attachments. */
  onOtherFiles(files: File[]): void;
  /** A picture over the limit: the person is told, and can attach it instead. */
  onTooLarge(file: File): void;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

async function insertImages(editor: LexicalEditor, files: File[], props: ImagePluginProps): Promise<void> {
  for (const file of files) {
    if (file.size > INLINE_IMAGE_LIMIT) {
      props.onTooLarge(file);
      continue;
    }
    const src = await readDataUrl(file);
    editor.update(() => $insertNodes([$createImageNode(src, file.name.replace(/\.[a-z0-9]+$/i, ''))]));
  }
}

/**
 * Pictures pasted (a screenshot) or dropped on the text go into it where the caret is. A picture copied from a web
 * page comes with an HTML version naming its address: the picture's own bytes are taken instead, so it travels
 * with the mail. A drop that carries anything but pictures is left to the composer's drop zone, where its files
 * become attachments (the event is not consumed here).
 */
export function ImagePlugin(props: ImagePluginProps) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const forward: ImagePluginProps = {
      onOtherFiles: (files) => latest.current.onOtherFiles(files),
      onTooLarge: (file) => latest.current.onTooLarge(file),
    };
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const files = event instanceof ClipboardEvent ? [...(event.clipboardData?.files ?? [])] : [];
          const images = files.filter(isPicture);
          if (images.length === 0) return false;
          event.preventDefault();
          void insertImages(editor, images, forward);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = [...(event.dataTransfer?.files ?? [])];
          // Text moved within the body, or only pictures: Lexical's own handling (which comes to DRAG_DROP_PASTE).
          if (files.length === 0 || files.every(isPicture)) return false;
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          const others = files.filter((f) => !isPicture(f));
          if (others.length > 0) forward.onOtherFiles(others);
          void insertImages(editor, files.filter(isPicture), forward);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
