import { memo, type CSSProperties, type DragEvent, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import type { MessageSummary } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import type { ColumnId } from '../../stores/list-prefs-store.js';
import { COLUMNS, TEXT_COLUMNS } from './columns.js';

export interface RowHandlers {
  onPointerSelect(index: number, event: MouseEvent): void;
  onOpen(index: number): void;
  onMenu(index: number, event: MouseEvent): void;
  onDragStart(index: number, event: DragEvent): void;
}

interface Props extends RowHandlers {
  message: MessageSummary;
  index: number;
  selected: boolean;
  cursor: boolean;
  columns: readonly ColumnId[];
  style: CSSProperties;
}

export const rowId = (id: number): string => `message-row-${id}`;

export const MessageRow = memo(function MessageRow(props: Props) {
  const { message: m, index, selected, cursor, columns, style } = props;
  const t = useT();
  const intl = useIntl();
  const unread = !m.flags.seen;
  const classes = ['message-row', selected && 'is-selected', cursor && 'is-cursor', unread && 'is-unread', m.flags.flagged && 'is-flagged'];

  return (
    <div
      role="row"
      id={rowId(m.id)}
      aria-selected={selected}
      aria-rowindex={index + 2}
      className={classes.filter(Boolean).join(' ')}
      style={style}
      draggable
      data-testid="message-row"
      data-id={m.id}
      data-unread={unread}
      data-flagged={m.flags.flagged}
      data-index={index}
      onClick={(e) => props.onPointerSelect(index, e)}
      onDoubleClick={() => props.onOpen(index)}
      onContextMenu={(e) => props.onMenu(index, e)}
      onDragStart={(e) => props.onDragStart(index, e)}
    >
      {columns.map((id) => {
        const content = COLUMNS[id].cell(m, t, intl);
        return (
          <span key={id} role="gridcell" className={`col-${id}`} title={TEXT_COLUMNS.has(id) && typeof content === 'string' ? content : undefined}>
            {content}
          </span>
        );
      })}
    </div>
  );
});

/** Stands in for a row whose page is still on its way, at the same height so the scrollbar does not jump. */
export function PlaceholderRow({ style, index }: { style: CSSProperties; index: number }) {
  const t = useT();
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="message-row is-placeholder" style={style}>
      <span role="gridcell" className="col-placeholder">{t('messages.rowLoading')}</span>
    </div>
  );
}
