import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { useForum } from '../../stores/forum-store.js';
import { useReader } from '../../stores/reader-store.js';
import { ConversationItem } from './ConversationItem.js';
import { onTreeKeyDown } from './tree-keyboard.js';
import { tabbableKey, visibleNodes, type VisibleNode } from './tree-view.js';

/** The conversation of the message in the reader, as a tree; the message of the chosen node shows beside it. */
export function ConversationTree() {
  const t = useT();
  const { nodes, truncated, collapsed, focusKey, shownFor, setExpanded, setFocus, openNode, watch } = useForum(
    useShallow((s) => ({
      nodes: s.nodes,
      truncated: s.truncated,
      collapsed: s.collapsed,
      focusKey: s.focusKey,
      shownFor: s.shownFor,
      setExpanded: s.setExpanded,
      setFocus: s.setFocus,
      openNode: s.openNode,
      watch: s.watch,
    })),
  );
  const openId = useReader((s) => s.openId);
  const list = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => visibleNodes(nodes, collapsed), [nodes, collapsed]);
  const tabbable = tabbableKey(visible, focusKey, openId);

  useEffect(() => watch(), [watch]);

  const focus = (key: string) => {
    setFocus(key);
    list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  };
  const open = (entry: VisibleNode) => {
    focus(entry.node.key);
    openNode(entry.node);
  };

  if (shownFor === null) return <div className="forum-tree-pane"><EmptyState text={t('forum.loading')} /></div>;
  return (
    <div className="forum-tree-pane">
      {truncated ? (
        <div className="banner forum-truncated" role="note">
          {t('forum.truncated')}
        </div>
      ) : null}
      <ul
        ref={list}
        role="tree"
        className="forum-tree"
        aria-label={t('forum.treeLabel')}
        data-testid="forum-tree"
        onKeyDown={(e) => {
          const key = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.key;
          if (key) onTreeKeyDown(e, visible, key, { focus, setExpanded, open });
        }}
      >
        {visible.map((entry) => (
          <ConversationItem
            key={entry.node.key}
            entry={entry}
            shown={entry.node.id !== null && entry.node.id === openId}
            tabbable={entry.node.key === tabbable}
            onFocusItem={setFocus}
            onOpen={open}
            onToggle={setExpanded}
          />
        ))}
      </ul>
    </div>
  );
}
