import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useT } from '../../../i18n/use-t.js';
import { linkUrl } from './link-url.js';
import { $insertBodyHtml, $setBodyHtml, exportBodyHtml, exportBodyText } from './editor-html.js';
import { EDITOR_THEME } from './editor-theme.js';
import { EditorToolbar } from './EditorToolbar.js';
import { ImageNode } from './ImageNode.js';
import { ImagePlugin, type ImagePluginProps } from './ImagePlugin.js';

/** What the composer asks of the editor: its content on demand (saving exports it, not every keystroke). */
export interface EditorHandle {
  html(): string;
  text(): string;
  /** Replaces the body. */
  setHtml(html: string): void;
  /** At the caret (a template's text). */
  insertHtml(html: string): void;
  focus(): void;
}

interface BodyEditorProps extends ImagePluginProps {
  initialHtml: string;
  onReady(handle: EditorHandle): void;
  /** Every change of the content (not of the selection). */
  onChange(): void;
  /** More buttons at the end of the toolbar (the plain-text switch). */
  toolbarExtra?: ReactNode;
  /** The caret starts in the text (a reply, whose recipients are already there). */
  autoFocus?: boolean;
}

const NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, TableNode, TableRowNode, TableCellNode, ImageNode];

const validUrl = (url: string) => linkUrl(url) === url;

/** Hands the composer its handle, and says when the content changes. */
function Bridge({ onReady, onChange }: Pick<BodyEditorProps, 'onReady' | 'onChange'>) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef({ onReady, onChange });
  latest.current = { onReady, onChange };
  useEffect(() => {
    latest.current.onReady({
      html: () => exportBodyHtml(editor),
      text: () => exportBodyText(editor),
      setHtml: (html) => editor.update(() => $setBodyHtml(editor, html)),
      insertHtml: (html) => editor.update(() => $insertBodyHtml(editor, html)),
      focus: () => editor.focus(),
    });
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) latest.current.onChange();
    });
  }, [editor]);
  return null;
}

/**
 * The rich-text body (Lexical): paragraphs, bold/italic/underline, lists, links, quotes, tables and pictures kept
 * in the text. The initial HTML is read once; afterwards the composer talks to the editor through its handle.
 */
export function BodyEditor({ initialHtml, onReady, onChange, toolbarExtra, autoFocus, onOtherFiles, onTooLarge }: BodyEditorProps) {
  const t = useT();
  const config = useMemo<InitialConfigType>(
    () => ({
      namespace: 'facteur-composer',
      nodes: NODES,
      theme: EDITOR_THEME,
      onError: (error) => console.error('Facteur: the editor failed:', error),
      editorState: (editor) => $setBodyHtml(editor, initialHtml),
    }),
    // Read once, as Lexical reads its initial state once.
    [],
  );
  return (
    <LexicalComposer initialConfig={config}>
      <div className="compose-editor">
        <EditorToolbar extra={toolbarExtra} />
        <RichTextPlugin
          contentEditable={<ContentEditable className="compose-body" aria-label={t('compose.body')} aria-multiline spellCheck data-testid="compose-body" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        {autoFocus ? <AutoFocusPlugin defaultSelection="rootStart" /> : null}
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={validUrl} />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
        <ImagePlugin onOtherFiles={onOtherFiles} onTooLarge={onTooLarge} />
        <Bridge onReady={onReady} onChange={onChange} />
      </div>
    </LexicalComposer>
  );
}
