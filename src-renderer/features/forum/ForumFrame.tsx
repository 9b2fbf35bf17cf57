import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useForum } from '../../stores/forum-store.js';
import { useReader } from '../../stores/reader-store.js';
import { ConversationTree } from './ConversationTree.js';
import './forum.css';

/**
 * Wraps the reading pane's message: a "Conversation" toggle above it, and when on, the conversation tree beside
 * it. The message shown is always the reader's, so every action of the reading pane works on it unchanged.
 */
export function ForumFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const openId = useReader((s) => s.openId);
  const on = useForum((s) => s.on);
  const count = useForum((s) => s.nodes.filter((n) => n.kind !== 'missing').length);
  const setOn = useForum((s) => s.setOn);
  if (openId === null) return children;

  return (
    <div className={`forum-frame${on ? ' is-on' : ''}`}>
      <div className="forum-bar">
        <button
          type="button"
          className="button forum-toggle"
          aria-pressed={on}
          title={t('forum.toggleHint')}
          data-testid="forum-toggle"
          onClick={() => setOn(!on)}
        >
          <Icon name="forum" />
          {t('forum.toggle')}
          {on && count > 0 ? <span className="forum-count">{t('forum.count', { count })}</span> : null}
        </button>
      </div>
      <div className="forum-body">
        {on ? <ConversationTree /> : null}
        <div className="forum-message">{children}</div>
      </div>
    </div>
  );
}
