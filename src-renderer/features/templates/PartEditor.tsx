import { LinkNode } from '@lexical/link';
import { INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type LexicalEditor, type TextFormatType } from 'lexical';
import { useImperativeHandle, type Ref } from 'react';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { $setBodyHtml, exportBodyHtml } from '../compose/editor/editor-html.js';

export interface PartEditorHandle {
  /** Puts text at the caret (or at the end when the field was never focused), as one piece that deletes whole. */
  insertToken(text: string): void;
}

interface Props {
  /** Names the field for tests and styles: greeting, body, closing. */
  part: string;
  label: string;
  initialHtml: string;
  onChange(html: string): void;
  onFocus(): void;
  ref?: Ref<PartEditorHandle>;
}

const THEME = { text: { bold: 'rt-bold', italic: 'rt-italic', underline: 'rt-underline' }, paragraph: 'rt-paragraph' };

/**
 * One part of a template (greeting, body or closing) as rich text. The HTML comes in through Lexical's own DOM
 * conversion, so anything the editor cannot represent (scripts, styles, forms) does not come in at all.
 */
export function PartEditor({ part, label, initialHtml, onChange, onFocus, ref }: Props) {
  const config: InitialConfigType = {
    namespace: `template-${part}`,
    theme: THEME,
    nodes: [ListNode, ListItemNode, LinkNode],
    onError: (error) => reportError(error),
    editorState: (editor) => $setBodyHtml(editor, initialHtml),
  };
  return (
    <div className="template-part" data-testid={`template-part-${part}`}>
      <LexicalComposer initialConfig={config}>
        <Toolbar label={label} />
        <RichTextPlugin
          contentEditable={<ContentEditable className="template-part-text" aria-label={label} data-testid={`template-${part}`} onFocus={onFocus} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin ignoreSelectionChange onChange={(_state, editor) => onChange(exportBodyHtml(editor))} />
        <Handle ref={ref} />
      </LexicalComposer>
    </div>
  );
}

function Handle({ ref }: { ref?: Ref<PartEditorHandle> | undefined }) {
  const [editor] = useLexicalComposerContext();
  useImperativeHandle(ref, () => ({ insertToken: (text) => insertToken(editor, text) }), [editor]);
  return null;
}

function insertToken(editor: LexicalEditor, text: string): void {
  editor.update(() => {
    if (!$isRangeSelection($getSelection())) $getRoot().selectEnd();
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertNodes([$createTextNode(text).setMode('token')]);
  });
  editor.focus();
}

const FORMATS: Array<{ format: TextFormatType; glyph: string; key: 'templates.bold' | 'templates.italic' | 'templates.underline' }> = [
  { format: 'bold', glyph: 'B', key: 'templates.bold' },
  { format: 'italic', glyph: 'I', key: 'templates.italic' },
  { format: 'underline', glyph: 'U', key: 'templates.underline' },
];

function Toolbar({ label }: { label: string }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  return (
    <div className="template-part-tools" role="toolbar" aria-label={t('templates.formatting', { part: label })}>
      <span className="template-part-label">{label}</span>
      {FORMATS.map(({ format, glyph, key }) => (
        <button
          key={format}
          type="button"
          className={`icon-button rt-tool rt-${format}`}
          title={t(key)}
          aria-label={t(key)}
          // Keeps the caret in the text: a click on a tool must not take the selection away.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {glyph}
        </button>
      ))}
      <button
        type="button"
        className="icon-button rt-tool"
        title={t('templates.bullets')}
        aria-label={t('templates.bullets')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}
      >
        •
      </button>
    </div>
  );
}
