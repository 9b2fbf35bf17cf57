import type { DialogHTMLAttributes, ReactNode, RefObject } from 'react';
import { keepTabInside } from './focus.js';

type ModalProps = Omit<DialogHTMLAttributes<HTMLDialogElement>, 'onCancel' | 'onKeyDown'> & {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Esc and the dialog's own close ask this instead of closing the element themselves (state owns "open"). */
  onClose: () => void;
  children: ReactNode;
  [data: `data-${string}`]: string | undefined;
};

/** Every modal of the app: a native <dialog> (opened by useModal), Tab kept inside, Esc routed to `onClose`. */
export function Modal({ dialogRef, onClose, className, children, ...attributes }: ModalProps) {
  return (
    <dialog
      ref={dialogRef}
      className={`modal ${className ?? ''}`.trim()}
      {...attributes}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={keepTabInside}
    >
      {children}
    </dialog>
  );
}
