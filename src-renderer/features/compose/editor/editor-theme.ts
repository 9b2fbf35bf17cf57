import type { EditorThemeClasses } from 'lexical';

/** Classes for the editing surface only (compose.css); sent HTML carries tags and inline styles, not these. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'ce-p',
  quote: 'ce-quote',
  link: 'ce-link',
  list: { ul: 'ce-ul', ol: 'ce-ol', listitem: 'ce-li', nested: { listitem: 'ce-li-nested' } },
  table: 'ce-table',
  tableCell: 'ce-cell',
  tableCellHeader: 'ce-cell-header',
  tableSelection: 'ce-table-selection',
  text: { bold: 'ce-bold', italic: 'ce-italic', underline: 'ce-underline', strikethrough: 'ce-strike', underlineStrikethrough: 'ce-underline-strike' },
};
