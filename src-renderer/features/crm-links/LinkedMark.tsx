import { Icon } from '../../components/Icon.js';
import './crm-links.css';

/** The message list's "Linked" column title: a chain link. */
export function LinkGlyph({ label }: { label?: string }) {
  return <Icon name="link" label={label} />;
}

/** The message list's "Linked" cell: a link glyph and how many records the message is filed under. */
export function LinkedMark({ count, label }: { count: number; label: string }) {
  return (
    <span className="crm-linked-mark" title={label} data-testid="crm-linked-mark">
      <LinkGlyph label={label} />
      <span aria-hidden>{count}</span>
    </span>
  );
}
