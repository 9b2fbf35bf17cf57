import './modal.css';
import { useEffect, type RefObject } from 'react';

/**
 * Shows a <dialog> as modal while the component is mounted (the page behind is inert, Esc fires `cancel`), and
 * gives focus back on unmount: to what had it before, or, when that is gone (the thing the dialog removed), to
 * what `fallback` finds.
 */
export function useModal(ref: RefObject<HTMLDialogElement | null>, fallback?: () => HTMLElement | null): void {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
      else fallback?.()?.focus();
    };
    // Once per mount: the dialog element and the way back are fixed for the dialog's lifetime.
  }, []);
}
