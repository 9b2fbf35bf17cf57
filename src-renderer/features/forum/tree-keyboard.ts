import type { KeyboardEvent } from 'react';
import type { VisibleNode } from './tree-view.js';

export interface TreeKeyActions {
  focus(key: string): void;
  setExpanded(key: string, expanded: boolean): void;
  open(entry: VisibleNode): void;
}

/**
 * The WAI-ARIA tree pattern's keys over the shown items (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
 * Up/Down/Home/End move, Right opens a folded node or goes to its first reply, Left folds it or goes to its
 * parent, Enter (or Space) shows the message beside the tree. Moving does not open: reading every message on
 * the way down would mark them all read.
 */
export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>, visible: readonly VisibleNode[], currentKey: string, actions: TreeKeyActions): void {
  const index = visible.findIndex((v) => v.node.key === currentKey);
  const current = visible[index];
  if (!current) return;
  const go = (entry: VisibleNode | undefined) => {
    if (entry) actions.focus(entry.node.key);
  };
  switch (event.key) {
    case 'ArrowDown':
      go(visible[index + 1]);
      break;
    case 'ArrowUp':
      go(visible[index - 1]);
      break;
    case 'Home':
      go(visible[0]);
      break;
    case 'End':
      go(visible.at(-1));
      break;
    case 'ArrowRight':
      if (current.hasChildren && !current.expanded) actions.setExpanded(current.node.key, true);
      else if (current.hasChildren) go(visible[index + 1]);
      break;
    case 'ArrowLeft':
      if (current.hasChildren && current.expanded) actions.setExpanded(current.node.key, false);
      else go(visible.find((v) => v.node.key === current.node.parentKey));
      break;
    case 'Enter':
    case ' ':
      actions.open(current);
      break;
    default:
      return;
  }
  event.preventDefault();
}
