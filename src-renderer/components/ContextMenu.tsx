import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuAction {
  id: string;
  label: string;
  run(): void;
  /** A choice that is on or off (a column shown, a sort order): announced and drawn with its state. */
  checked?: boolean;
  /** Starts a new group, drawn with a line above. */
  separator?: boolean;
}

interface Props {
  label: string;
  /** Where the pointer was, or the corner of the item the keyboard opened the menu on. */
  at: { x: number; y: number };
  actions: MenuAction[];
  onClose(): void;
}

const MARGIN = 4;

/**
 * A WAI-ARIA menu at a point: the first item takes focus; arrows, Home and End move; Enter or a click runs an item;
 * Esc, Tab or a click elsewhere closes it. Rendered in <body> so no scrolling pane clips it.
 */
export function ContextMenu({ label, at, actions, onClose }: Props) {
  const ref = useRef<HTMLUListElement>(null);

  // Before paint, so the menu never shows at its unpositioned place first.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    // Kept inside the window when opened near its right or bottom edge.
    const { width, height } = menu.getBoundingClientRect();
    menu.style.left = `${Math.max(MARGIN, Math.min(at.x, innerWidth - width - MARGIN))}px`;
    menu.style.top = `${Math.max(MARGIN, Math.min(at.y, innerHeight - height - MARGIN))}px`;
    menu.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!menu.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('blur', onClose);
    };
  }, [at, onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(index + 1);
        break;
      case 'ArrowUp':
        focus(index - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return createPortal(
    <ul
      ref={ref}
      role="menu"
      aria-label={label}
      className="context-menu"
      data-testid="context-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {actions.map((action) => (
        <li
          key={action.id}
          role={action.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={action.checked}
          className={action.separator ? 'has-separator' : undefined}
          tabIndex={-1}
          data-testid={`menu-${action.id}`}
          onClick={() => {
            onClose();
            action.run();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            onClose();
            action.run();
          }}
        >
          {action.label}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
