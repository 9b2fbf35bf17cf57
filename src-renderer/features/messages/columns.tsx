import type { ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { MessageSummary, SortKey } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { formatShortDate } from '../../format/dates.js';
import { peopleNames, personName } from '../../format/people.js';
import { formatSize } from '../../format/size.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import type { ColumnId } from '../../stores/list-prefs-store.js';
import { CategoryChip } from '../categories/CategoryChip.js';
import { LinkedMark, LinkGlyph } from '../crm-links/LinkedMark.js';
import { ATTACHMENT_ICONS, ATTACHMENT_LABELS, attachmentKind } from '../reader/attachment-kind.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface Column {
  id: ColumnId;
  title: MessageKey;
  /**
   * Its width: icons, dates and sizes a fixed number of pixels; text columns a share of what is left (`grow`, in
   * fr) and never less than `min` pixels, below which the list scrolls sideways rather than squeezing them.
   */
  width: number | { min: number; grow: number };
  sort: SortKey | null;
  /** Icon columns show an icon as their title, and their cells' labels are for assistive technology. */
  icon?: ReactNode;
  cell(m: MessageSummary, t: T, intl: IntlShape): ReactNode;
}

const sender = (m: MessageSummary, t: T) => (m.from ? personName(m.from) : t('messages.unknownSender'));
const recipients = (m: MessageSummary) => peopleNames(m.to);
/** The records a message is filed under, by name: the contact and company columns. */
const namesOf = (m: MessageSummary, type: 'contact' | 'company') => m.links.filter((l) => l.type === type).map((l) => l.name).join(', ');

/** Every column the list can show, in the order they appear when chosen. */
export const COLUMNS: Record<ColumnId, Column> = {
  direction: {
    id: 'direction', title: 'messages.column.direction', width: 18, sort: 'direction', icon: <Icon name="arrowIn" />,
    cell: (m, t) => <Icon name={m.direction === 'out' ? 'arrowOut' : 'arrowIn'} label={t(m.direction === 'out' ? 'messages.outgoing' : 'messages.incoming')} />,
  },
  forum: {
    id: 'forum', title: 'messages.column.forum', width: 30, sort: null, icon: <Icon name="forum" />,
    cell: (m, t) =>
      m.isReply || m.related > 0 ? (
        <span className="forum-mark" title={t('messages.forumTitle', { count: m.related })}>
          {m.isReply ? <Icon name="reply" label={t('messages.isReply')} /> : null}
          {m.related > 0 ? <span className="forum-count" aria-label={t('messages.forumTitle', { count: m.related })}>{m.related}</span> : null}
        </span>
      ) : null,
  },
  read: {
    id: 'read', title: 'messages.column.unread', width: 12, sort: 'seen', icon: <span className="unread-dot is-hollow" />,
    cell: (m, t) => (m.flags.seen ? null : <span className="unread-dot" role="img" aria-label={t('messages.unread')} />),
  },
  star: {
    id: 'star', title: 'messages.column.star', width: 18, sort: 'flagged', icon: <Icon name="star" />,
    cell: (m, t) => (m.flags.flagged ? <Icon name="star" className="is-starred" label={t('messages.starred')} /> : null),
  },
  attachment: {
    id: 'attachment', title: 'messages.column.attachment', width: 18, sort: 'attachment', icon: <Icon name="paperclip" />,
    cell: (m, t) => {
      if (!m.firstAttachment) return m.hasAttachments ? <Icon name="paperclip" label={t('messages.hasAttachments')} /> : null;
      const kind = attachmentKind(m.firstAttachment.contentType, m.firstAttachment.filename);
      return <Icon name={ATTACHMENT_ICONS[kind]} label={`${t('messages.hasAttachments')}: ${t(ATTACHMENT_LABELS[kind])}`} />;
    },
  },
  correspondent: {
    id: 'correspondent', title: 'messages.column.correspondent', width: { min: 80, grow: 1 }, sort: 'correspondent',
    cell: (m, t) => (m.direction === 'out' ? t('messages.toNames', { names: recipients(m) }) : sender(m, t)),
  },
  from: {
    id: 'from', title: 'messages.column.from', width: { min: 72, grow: 0.8 }, sort: 'from',
    cell: (m, t) => sender(m, t),
  },
  to: {
    id: 'to', title: 'messages.column.to', width: { min: 72, grow: 0.8 }, sort: 'to',
    cell: (m) => recipients(m),
  },
  subject: {
    id: 'subject', title: 'messages.column.subject', width: { min: 96, grow: 1.5 }, sort: 'subject',
    cell: (m, t) => m.subject || t(m.private ? 'messages.privateSubject' : 'messages.noSubject'),
  },
  date: {
    id: 'date', title: 'messages.column.date', width: 132, sort: 'date',
    cell: (m, t, intl) => (m.date ? formatShortDate(intl, m.date) : t('messages.noDate')),
  },
  size: {
    id: 'size', title: 'messages.column.size', width: 60, sort: 'size',
    cell: (m, _t, intl) => formatSize(intl, m.size),
  },
  contact: {
    id: 'contact', title: 'messages.column.contact', width: { min: 80, grow: 1 }, sort: 'contact',
    cell: (m) => namesOf(m, 'contact'),
  },
  company: {
    id: 'company', title: 'messages.column.company', width: { min: 80, grow: 1 }, sort: 'company',
    cell: (m) => namesOf(m, 'company'),
  },
  task: {
    id: 'task', title: 'crmLinks.column.task', width: { min: 64, grow: 0.8 }, sort: 'task',
    cell: (m) => m.links.find((l) => l.type === 'task')?.name ?? '',
  },
  linked: {
    id: 'linked', title: 'crmLinks.column.linked', width: 32, sort: 'linked', icon: <LinkGlyph />,
    cell: (m, t) => (m.links.length > 0 ? <LinkedMark count={m.links.length} label={t('crmLinks.linkedCount', { count: m.links.length })} /> : null),
  },
  category: {
    id: 'category', title: 'messages.column.category', width: { min: 56, grow: 0.5 }, sort: 'category',
    cell: (m) => (m.category ? <CategoryChip name={m.category} direction={m.direction} /> : null),
  },
};

export function gridTemplate(columns: readonly ColumnId[]): string {
  return columns
    .map((id) => {
      const { width } = COLUMNS[id];
      return typeof width === 'number' ? `${width}px` : `minmax(${width.min}px, ${width.grow}fr)`;
    })
    .join(' ');
}

/** Text columns (those that share the width) get a tooltip with their full content, which the row may cut short. */
export const TEXT_COLUMNS: ReadonlySet<ColumnId> = new Set((Object.values(COLUMNS) as Column[]).filter((c) => typeof c.width !== 'number').map((c) => c.id));
