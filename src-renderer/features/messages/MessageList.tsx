import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { useListPrefs } from '../../stores/list-prefs-store.js';
import { messageAt, useMessageList } from '../../stores/message-list-store.js';
import { useSearch } from '../../stores/search-store.js';
import { SearchBar } from '../search/SearchBar.js';
import { gridTemplate } from './columns.js';
import { MESSAGES_TYPE } from './drag-data.js';
import { runListCommand } from './list-commands.js';
import { ListToolbar } from './ListToolbar.js';
import { MessageListHeader } from './MessageListHeader.js';
import { MessageRow, PlaceholderRow, rowId, type RowHandlers } from './MessageRow.js';
import { RowMenu } from './RowMenu.js';
import { commandFor } from './shortcuts.js';
import './message-list.css';

const ROW_HEIGHT = 32;

/** Keys that move the cursor and how many rows each moves; a page is what fits in the pane. */
function stepFor(key: string, pageRows: number, total: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return 1;
    case 'ArrowUp':
      return -1;
    case 'PageDown':
      return pageRows;
    case 'PageUp':
      return -pageRows;
    case 'Home':
      return -total;
    case 'End':
      return total;
    default:
      return null;
  }
}

export function MessageList() {
  const t = useT();
  const state = useMessageList(
    useShallow((s) => ({
      folderId: s.folderId,
      view: s.view,
      searching: s.search !== null,
      more: s.more,
      total: s.total,
      loaded: s.loaded,
      pages: s.pages,
      selectedId: s.selectedId,
      selectedIndex: s.selectedIndex,
      selectedIds: s.selectedIds,
    })),
  );
  const { folderId, view, searching, more, total, loaded, selectedId, selectedIndex, selectedIds } = state;
  // The object changes only when a search starts, changes or ends, which is when the list starts over.
  const search = useMessageList((s) => s.search);
  const { columns, shortcuts } = useListPrefs(useShallow((s) => ({ columns: s.columns, shortcuts: s.shortcuts })));
  const { showRange, move } = useMessageList.getState();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index;
  const last = rows.at(-1)?.index;

  useEffect(() => {
    if (first !== undefined && last !== undefined) void showRange(first, last);
  }, [first, last, folderId, view, search, showRange]);

  // A new folder or a new search starts at the top; a refresh of either keeps its place.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [folderId, view, search, virtualizer]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const handlers: RowHandlers = useMemo(
    () => ({
      onPointerSelect(index: number, event: MouseEvent) {
        const list = useMessageList.getState();
        if (event.shiftKey) void list.extendTo(index);
        else if (event.ctrlKey || event.metaKey) list.toggle(index);
        else list.select(index);
      },
      onOpen(index: number) {
        useMessageList.getState().select(index);
        runListCommand('open', t);
      },
      onMenu(index: number, event: MouseEvent) {
        event.preventDefault();
        const list = useMessageList.getState();
        const message = messageAt(list, index);
        // A right-click outside the selection acts on that row alone, as in every desktop client.
        if (message && !list.selectedIds.has(message.id)) list.select(index);
        setMenuAt({ x: event.clientX, y: event.clientY });
      },
      onDragStart(index: number, event: DragEvent) {
        const list = useMessageList.getState();
        const message = messageAt(list, index);
        if (!message) return;
        if (!list.selectedIds.has(message.id)) list.select(index);
        const ids = [...useMessageList.getState().selectedIds];
        event.dataTransfer.setData(MESSAGES_TYPE, JSON.stringify(ids));
        event.dataTransfer.effectAllowed = 'copyMove';
      },
    }),
    [t],
  );

  const closeMenu = useCallback(() => {
    setMenuAt(null);
    scrollRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Esc from the results goes back to the folder, as it does from the search box.
    if (event.key === 'Escape' && searching) {
      event.preventDefault();
      useSearch.getState().clear();
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const step = event.ctrlKey || event.altKey || event.metaKey ? null : stepFor(event.key, pageRows, total);
    if (step !== null) {
      event.preventDefault();
      void move(step, event.shiftKey);
      return;
    }
    if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && selectedIndex >= 0) {
      event.preventDefault();
      const row = document.getElementById(rowId(selectedId ?? 0))?.getBoundingClientRect();
      setMenuAt({ x: (row?.left ?? 0) + 40, y: row?.bottom ?? 0 });
      return;
    }
    const command = commandFor(event, shortcuts);
    if (command === null) return;
    event.preventDefault();
    runListCommand(command, t);
  }

  let body;
  if (searching) {
    if (!loaded) body = <EmptyState text={t('search.searching')} />;
    else if (total === 0) body = <EmptyState text={t('search.empty')} testId="search-empty" />;
  } else if (folderId === null && view === null) body = <EmptyState text={t('messages.noFolder')} />;
  else if (!loaded) body = <EmptyState text={t('messages.loading')} />;
  else if (total === 0) body = <EmptyState text={t('messages.empty')} testId="message-list-empty" />;

  return (
    <section className="pane message-pane" aria-label={t('messages.label')}>
      <SearchBar />
      <ListToolbar />
      <div
        className="message-grid"
        role="grid"
        aria-label={t('messages.label')}
        aria-multiselectable="true"
        aria-rowcount={total + 1}
        aria-activedescendant={selectedId !== null ? rowId(selectedId) : undefined}
        tabIndex={0}
        ref={scrollRef}
        data-testid="message-list"
        style={{ '--list-columns': gridTemplate(columns) } as React.CSSProperties}
        onKeyDown={onKeyDown}
      >
        <div className="message-list-top" role="rowgroup">
          <MessageListHeader total={loaded ? total : null} found={searching ? { more } : null} />
        </div>
        {body ?? (
          <div className="message-rows" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const message = messageAt(state, row.index);
              const style = { height: row.size, transform: `translateY(${row.start}px)` };
              return message ? (
                <MessageRow
                  key={message.id}
                  message={message}
                  index={row.index}
                  selected={selectedIds.has(message.id)}
                  cursor={message.id === selectedId}
                  columns={columns}
                  style={style}
                  {...handlers}
                />
              ) : (
                <PlaceholderRow key={`placeholder-${row.index}`} index={row.index} style={style} />
              );
            })}
          </div>
        )}
      </div>
      {menuAt ? <RowMenu at={menuAt} onClose={closeMenu} /> : null}
    </section>
  );
}
