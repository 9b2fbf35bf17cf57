import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createQuoteNode, $isQuoteNode, DRAG_DROP_PASTE } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_MODIFIER_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../../../components/Icon.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import { useRovingToolbar } from '../../reader/roving-toolbar.js';
import { LinkDialog } from './LinkDialog.js';

interface Formats {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  list: 'bullet' | 'number' | null;
  quote: boolean;
  link: boolean;
}

const NONE: Formats = { bold: false, italic: false, underline: false, list: null, quote: false, link: false };

function $readFormats(): Formats {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NONE;
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  const listType = list?.getListType();
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    list: listType === 'bullet' || listType === 'number' ? listType : null,
    quote: $findMatchingParent(anchor, $isQuoteNode) !== null,
    link: $findMatchingParent(anchor, $isLinkNode) !== null,
  };
}

/** Small glyphs the app's icon set has no use for elsewhere, drawn on its 16-unit grid. */
const GLYPHS = {
  bullets: <path d="M6 4h8M6 8h8M6 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01" />,
  numbers: <path d="M6.5 4h7.5M6.5 8h7.5M6.5 12h7.5M2 2.8l1-.6v3.3M2 9.2c.2-.6 1.8-.7 1.8.3 0 .7-1.8 1.4-1.8 2.2h1.9" />,
  quote: <path d="M3 4.5h3v3.5c0 1.5-.8 2.5-2.5 3M9.5 4.5h3v3.5c0 1.5-.8 2.5-2.5 3" />,
  table: <path d="M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10M10 3v10" />,
} satisfies Record<string, ReactNode>;

function Glyph({ name }: { name: keyof typeof GLYPHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      {GLYPHS[name]}
    </svg>
  );
}

function toggleQuote(editor: LexicalEditor, on: boolean): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, () => (on ? $createQuoteNode() : $createParagraphNode()));
  });
}

function applyLink(editor: LexicalEditor, url: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (selection.isCollapsed()) {
      // Nothing chosen to become the link: the address itself is written, as a link.
      const link = $createLinkNode(url);
      link.append($createTextNode(url.replace(/^mailto:/, '')));
      $insertNodes([link]);
    } else {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    }
  });
}

/**
 * The body's formatting buttons: one Tab stop (arrow keys move inside, the WAI-ARIA toolbar pattern), each button
 * named and, for the formats that toggle, saying whether it is on. The keyboard shortcuts are the usual ones:
 * Ctrl+B/I/U (Lexical's own), Ctrl+K for a link, Ctrl+Shift+7 and 8 for numbered and bulleted lists.
 */
export function EditorToolbar({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState<Formats>(NONE);
  const [askingLink, setAskingLink] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const roving = useRovingToolbar(ref);

  const link = useCallback(() => {
    const inLink = editor.read(() => $readFormats().link);
    if (inLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    else setAskingLink(true);
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => setFormats(editorState.read($readFormats))),
        editor.registerCommand(
          KEY_MODIFIER_COMMAND,
          (event) => {
            if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
            if (!event.shiftKey && event.key.toLowerCase() === 'k') {
              event.preventDefault();
              link();
              return true;
            }
            // By the key's place: Shift turns 7 and 8 into other characters on every layout.
            if (event.shiftKey && (event.code === 'Digit7' || event.code === 'Digit8')) {
              event.preventDefault();
              const numbered = event.code === 'Digit7';
              const current = editor.read(() => $readFormats().list);
              if (current === (numbered ? 'number' : 'bullet')) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
              else editor.dispatchCommand(numbered ? INSERT_ORDERED_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, link],
  );

  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const list = (type: 'bullet' | 'number') => {
    if (formats.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  const button = (key: MessageKey, testId: string, content: ReactNode, onClick: () => void, pressed?: boolean, shortcut?: string) => (
    <button
      type="button"
      className="icon-button compose-tool"
      aria-label={t(key)}
      title={shortcut ? `${t(key)} (${shortcut})` : t(key)}
      aria-pressed={pressed}
      onMouseDown={(e) => e.preventDefault() /* keeps the text selected */}
      onClick={onClick}
      data-testid={`compose-tool-${testId}`}
    >
      {content}
    </button>
  );

  return (
    <div ref={ref} className="compose-toolbar" role="toolbar" aria-label={t('compose.toolbar')} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus} data-testid="compose-toolbar">
      {button('compose.tool.bold', 'bold', <b aria-hidden>B</b>, () => format('bold'), formats.bold, 'Ctrl+B')}
      {button('compose.tool.italic', 'italic', <i aria-hidden>I</i>, () => format('italic'), formats.italic, 'Ctrl+I')}
      {button('compose.tool.underline', 'underline', <u aria-hidden>U</u>, () => format('underline'), formats.underline, 'Ctrl+U')}
      <span className="compose-toolbar-gap" />
      {button('compose.tool.bullets', 'bullets', <Glyph name="bullets" />, () => list('bullet'), formats.list === 'bullet', 'Ctrl+Shift+8')}
      {button('compose.tool.numbers', 'numbers', <Glyph name="numbers" />, () => list('number'), formats.list === 'number', 'Ctrl+Shift+7')}
      {button('compose.tool.quote', 'quote', <Glyph name="quote" />, () => toggleQuote(editor, !formats.quote), formats.quote)}
      <span className="compose-toolbar-gap" />
      {button(formats.link ? 'compose.tool.unlink' : 'compose.tool.link', 'link', <Icon name="link" />, link, formats.link, 'Ctrl+K')}
      {button('compose.tool.table', 'table', <Glyph name="table" />, () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: false }))}
      {button('compose.tool.image', 'image', <Icon name="image" />, () => fileRef.current?.click())}
      <input
        ref={fileRef}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        multiple
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) editor.dispatchCommand(DRAG_DROP_PASTE, files);
        }}
        data-testid="compose-image-input"
      />
      {extra}
      {askingLink ? (
        <LinkDialog
          onDone={(url) => {
            setAskingLink(false);
            editor.focus();
            if (url) applyLink(editor, url);
          }}
        />
      ) : null}
    </div>
  );
}
