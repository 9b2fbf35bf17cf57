import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

function items(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>('button:not([disabled])')] : [];
}

/**
 * The WAI-ARIA toolbar pattern: the toolbar is one Tab stop (the button last used), and Left/Right, Home/End move
 * between its buttons. Tab order stays short in a window where the message body follows.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>) {
  const active = useRef(0);
  // After every render, since buttons come and go with the message's state (Junk / Not junk, plain text…).
  useLayoutEffect(() => {
    const buttons = items(ref.current);
    const current = Math.min(active.current, buttons.length - 1);
    buttons.forEach((button, i) => (button.tabIndex = i === current ? 0 : -1));
  });

  return {
    onFocus(event: FocusEvent<HTMLElement>) {
      const buttons = items(ref.current);
      const index = buttons.indexOf(event.target as HTMLElement);
      if (index < 0) return;
      active.current = index;
      buttons.forEach((button, i) => (button.tabIndex = i === index ? 0 : -1));
    },
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      const buttons = items(ref.current);
      const index = buttons.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      const last = buttons.length - 1;
      const next =
        event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
        : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : event.key === 'Home' ? 0
        : event.key === 'End' ? last
        : null;
      if (next === null) return;
      event.preventDefault();
      buttons[next]!.focus();
    },
  };
}
