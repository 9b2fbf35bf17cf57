import { useCallback, useId } from 'react';
import { useT } from '../../i18n/use-t.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { patchParts, setEditor, touched, useComposer } from './compose-store.js';
import { BodyEditor, type EditorHandle } from './editor/BodyEditor.js';
import { INLINE_IMAGE_LIMIT } from './editor/ImagePlugin.js';
import { QuoteBlock, SignatureBlock } from './PartFrame.js';
import { plainTextLoses, toPlainText, toRichText } from './plain-text.js';

function PlainTextSwitch() {
  const t = useT();
  const plain = useComposer((s) => s.draft.plainText);
  const onClick = async () => {
    if (plain) return toRichText();
    if (plainTextLoses()) {
      const ok = await confirmDialog({
        title: t('compose.plainText.title'),
        body: t('compose.plainText.body'),
        confirmLabel: t('compose.plainText.confirm'),
        danger: false,
      });
      if (!ok) return;
    }
    toPlainText();
  };
  return (
    <button type="button" className="button compose-plain-switch" aria-pressed={plain} onClick={() => void onClick()} data-testid="compose-plain-text">
      {t('compose.plainText')}
    </button>
  );
}

/** The text, then the signature and the quote in the account's order; rich (Lexical) or plain. */
export function BodyArea({ autoFocus }: { autoFocus: boolean }) {
  const t = useT();
  const id = useId();
  const plain = useComposer((s) => s.draft.plainText);
  const position = useComposer((s) => s.parts.position);
  const editorKey = useComposer((s) => s.editorKey);
  const text = useComposer((s) => s.parts.text);
  const onReady = useCallback((handle: EditorHandle) => setEditor(handle), []);
  const onTooLarge = useCallback(
    (file: File) =>
      useComposer.setState({ notice: { key: 'compose.notice.imageTooLarge', values: { name: file.name, limit: String(INLINE_IMAGE_LIMIT / 1024 / 1024) } } }),
    [],
  );
  const onOtherFiles = useCallback(() => useComposer.setState({ notice: { key: 'compose.notice.filesNotAttached' } }), []);

  const body = plain ? (
    <div className="compose-editor">
      <div className="compose-toolbar" role="toolbar" aria-label={t('compose.toolbar')}>
        <PlainTextSwitch />
      </div>
      <textarea
        id={id}
        className="compose-body compose-plain"
        aria-label={t('compose.body')}
        value={text}
        autoFocus={autoFocus}
        spellCheck
        onChange={(e) => patchParts({ text: e.target.value })}
        data-testid="compose-body-plain"
      />
    </div>
  ) : (
    <BodyEditor
      key={editorKey}
      initialHtml={useComposer.getState().parts.html}
      onReady={onReady}
      onChange={touched}
      toolbarExtra={<PlainTextSwitch />}
      autoFocus={autoFocus}
      onOtherFiles={onOtherFiles}
      onTooLarge={onTooLarge}
    />
  );
  return (
    <div className="compose-body-area">
      {body}
      {position === 'above-quote' ? (
        <>
          <SignatureBlock />
          <QuoteBlock />
        </>
      ) : (
        <>
          <QuoteBlock />
          <SignatureBlock />
        </>
      )}
    </div>
  );
}
