import { useCallback, useRef, useState, type MouseEvent } from 'react';

/**
 * The context menu of a tree item: opened by a right-click on the item's own row (not a nested item's) or by the
 * menu key and Shift+F10, which fire `contextmenu` on the focused item with no pointer position; closing it gives
 * the focus back to the item.
 */
export function useItemMenu() {
  const item = useRef<HTMLLIElement>(null);
  const row = useRef<HTMLDivElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);

  const closeMenu = useCallback(() => {
    setMenuAt(null);
    item.current?.focus();
  }, []);

  function openMenu(e: MouseEvent<HTMLLIElement>) {
    const target = e.target as Node;
    if (target !== item.current && !row.current?.contains(target)) return;
    e.preventDefault();
    // A nested item handles its own menu; the items around it must not open theirs too.
    e.stopPropagation();
    const box = row.current!.getBoundingClientRect();
    setMenuAt(e.clientX || e.clientY ? { x: e.clientX, y: e.clientY } : { x: box.left + 24, y: box.bottom });
  }

  return { item, row, menuAt, openMenu, closeMenu };
}
