import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { messageAt, useMessageList } from '../../stores/message-list-store.js';
import { useSearch } from '../../stores/search-store.js';
import { SearchBar } from '../search/SearchBar.js';
import { MessageListHeader } from './MessageListHeader.js';
import { MessageRow, PlaceholderRow, rowId } from './MessageRow.js';
import './message-list.css';

const ROW_HEIGHT = 32;

/** Keys the list handles and how many rows each moves; a page is what fits in the pane. */
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
      searching: s.search !== null,
      more: s.more,
      total: s.total,
      loaded: s.loaded,
      pages: s.pages,
      selectedId: s.selectedId,
      selectedIndex: s.selectedIndex,
    })),
  );
  const { folderId, searching, more, total, loaded, selectedId, selectedIndex } = state;
  // The object changes only when a search starts, changes or ends, which is when the list starts over.
  const search = useMessageList((s) => s.search);
  const { showRange, select, move } = useMessageList.getState();
  const scrollRef = useRef<HTMLDivElement>(null);

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
  }, [first, last, folderId, search, showRange]);

  // A new folder or a new search starts at the top; a refresh of either keeps its place.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [folderId, search, virtualizer]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Esc from the results goes back to the folder, as it does from the search box.
    if (event.key === 'Escape' && searching) {
      event.preventDefault();
      useSearch.getState().clear();
      return;
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const step = stepFor(event.key, pageRows, total);
    if (step === null) return;
    event.preventDefault();
    void move(step);
  }

  let body;
  if (searching) {
    if (!loaded) body = <EmptyState text={t('search.searching')} />;
    else if (total === 0) body = <EmptyState text={t('search.empty')} testId="search-empty" />;
  } else if (folderId === null) body = <EmptyState text={t('messages.noFolder')} />;
  else if (!loaded) body = <EmptyState text={t('messages.loading')} />;
  else if (total === 0) body = <EmptyState text={t('messages.empty')} testId="message-list-empty" />;

  return (
    <section className="pane message-pane" aria-label={t('messages.label')}>
      <SearchBar />
      <MessageListHeader total={loaded ? total : null} found={searching ? { more } : null} />
      <div
        ref={scrollRef}
        className="message-scroll"
        role="listbox"
        aria-label={t('messages.label')}
        aria-activedescendant={selectedId !== null ? rowId(selectedId) : undefined}
        tabIndex={0}
        data-testid="message-list"
        onKeyDown={onKeyDown}
      >
        {body ?? (
          <div className="message-rows" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const message = messageAt(state, row.index);
              const style = { height: row.size, transform: `translateY(${row.start}px)` };
              return message ? (
                <MessageRow
                  key={message.id}
                  message={message}
                  index={row.index}
                  selected={message.id === selectedId}
                  style={style}
                  onSelect={select}
                />
              ) : (
                <PlaceholderRow key={`placeholder-${row.index}`} style={style} />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
