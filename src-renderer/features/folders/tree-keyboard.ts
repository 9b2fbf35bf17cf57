import type { KeyboardEvent } from 'react';

interface TreeActions {
  setExpanded(key: string, expanded: boolean): void;
}

const ITEM = '[role="treeitem"]';

/**
 * Arrow-key navigation over the rendered tree items, following the WAI-ARIA tree pattern. Collapsed children are not
 * rendered, so "visible items in DOM order" is exactly the navigation order. Moving focus onto a folder selects it.
 */
export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>, actions: TreeActions): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM)];
  const current = (event.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (!current) return;
  const index = items.indexOf(current);
  const key = current.dataset.key ?? '';
  const expanded = current.getAttribute('aria-expanded');
  const focus = (el: HTMLElement | null | undefined) => el?.focus();

  switch (event.key) {
    case 'ArrowDown':
      focus(items[index + 1]);
      break;
    case 'ArrowUp':
      focus(items[index - 1]);
      break;
    case 'Home':
      focus(items[0]);
      break;
    case 'End':
      focus(items.at(-1));
      break;
    case 'ArrowRight':
      if (expanded === 'false') actions.setExpanded(key, true);
      else if (expanded === 'true') focus(items[index + 1]);
      break;
    case 'ArrowLeft':
      if (expanded === 'true') actions.setExpanded(key, false);
      else focus(current.parentElement?.closest<HTMLElement>(ITEM));
      break;
    case 'Enter':
    case ' ':
      if (expanded !== null) actions.setExpanded(key, expanded === 'false');
      break;
    default:
      return;
  }
  event.preventDefault();
}
