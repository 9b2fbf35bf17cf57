import type { CSSProperties } from 'react';
import { useIntl } from 'react-intl';
import type { ConversationNode } from '../../../src-shared/contract/index.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { formatShortDate } from '../../format/dates.js';
import { useT, type Translate } from '../../i18n/use-t.js';
import type { VisibleNode } from './tree-view.js';

interface Props {
  entry: VisibleNode;
  shown: boolean;
  tabbable: boolean;
  onFocusItem(key: string): void;
  onOpen(entry: VisibleNode): void;
  onToggle(key: string, expanded: boolean): void;
}

/** One message, receipt, delivery report or missing message in the conversation tree: who, when, what, where. */
export function ConversationItem({ entry, shown, tabbable, onFocusItem, onOpen, onToggle }: Props) {
  const t = useT();
  const intl = useIntl();
  const { node, hasChildren, expanded } = entry;
  const missing = node.kind === 'missing';
  const unread = !missing && !node.seen;
  const className = ['forum-item', shown ? 'is-shown' : '', unread ? 'is-unread' : '', missing ? 'is-missing' : ''].filter(Boolean).join(' ');

  return (
    <li
      role="treeitem"
      aria-level={node.depth + 1}
      aria-setsize={entry.setSize}
      aria-posinset={entry.position}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={shown}
      aria-disabled={missing || undefined}
      tabIndex={tabbable ? 0 : -1}
      className={className}
      style={{ '--depth': node.depth } as CSSProperties}
      data-key={node.key}
      data-kind={node.kind}
      data-id={node.id ?? undefined}
      data-testid="forum-node"
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusItem(node.key);
      }}
      onClick={() => onOpen(entry)}
    >
      <span
        className={`twisty${expanded ? ' is-open' : ''}`}
        // Folding a branch should not also open its message.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          if (hasChildren) onToggle(node.key, !expanded);
        }}
      >
        {hasChildren ? <Icon name="chevron" /> : null}
      </span>
      {missing ? (
        <span className="forum-line forum-missing">{t('forum.missing')}</span>
      ) : (
        <span className="forum-lines">
          <span className="forum-line">
            <Icon name={iconOf(node)} className="forum-kind-icon" />
            {node.kind === 'message' ? null : <span className="forum-tag" data-testid="forum-node-kind">{kindLabel(t, node.kind)}</span>}
            <span className="forum-from">{senderOf(t, node)}</span>
            {node.date ? (
              <time className="forum-date" dateTime={node.date}>
                {formatShortDate(intl, node.date)}
              </time>
            ) : null}
          </span>
          <span className="forum-line forum-second">
            <span className="forum-subject" data-testid="forum-node-subject">
              {node.contentHidden ? t('forum.privateSubject') : node.subject || t('forum.noSubject')}
            </span>
            <span className="forum-where">{node.folder}</span>
            {node.linkedBy === 'subject' ? (
              <span className="forum-tag forum-guess" title={t('forum.bySubjectHint')}>
                {t('forum.bySubject')}
              </span>
            ) : null}
          </span>
        </span>
      )}
    </li>
  );
}

function iconOf(node: ConversationNode): IconName {
  if (node.kind === 'receipt') return 'envelopeOpen';
  if (node.kind === 'delivery-report') return 'mail';
  return node.direction === 'out' ? 'arrowOut' : 'arrowIn';
}

function kindLabel(t: Translate, kind: Exclude<ConversationNode['kind'], 'message'>): string {
  switch (kind) {
    case 'receipt':
      return t('forum.receipt');
    case 'delivery-report':
      return t('forum.deliveryReport');
    case 'missing':
      return t('forum.missing');
    default:
      return missingCase(kind);
  }
}

function senderOf(t: Translate, node: ConversationNode): string {
  if (!node.from) return t('forum.unknownSender');
  return node.from.name || node.from.address;
}
