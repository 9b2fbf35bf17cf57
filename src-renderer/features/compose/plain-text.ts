import { currentEditor, patchDraft, patchParts, setEditor, useComposer } from './compose-store.js';
import { fragmentText } from './body-parts.js';

/** Formatting that plain text cannot carry, in the editor's HTML (a bare paragraph of text is not). */
const FORMATTED = /<(?:b|strong|i|em|u|s|ul|ol|a|table|img|blockquote|h[1-6])\b/i;

/** Switching to plain text loses something worth a question: formatting in the body, or a quote or signature in HTML. */
export function plainTextLoses(): boolean {
  const { parts } = useComposer.getState();
  const html = currentEditor()?.html() ?? parts.html;
  return FORMATTED.test(html) || parts.quote !== '' || parts.signature !== '';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as paragraphs (blank lines) and line breaks. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function toPlainText(): void {
  const html = currentEditor()?.html() ?? useComposer.getState().parts.html;
  patchParts({ text: fragmentText(html), html: '' });
  setEditor(null);
  patchDraft({ plainText: true });
}

export function toRichText(): void {
  const { parts } = useComposer.getState();
  patchParts({ html: textToHtml(parts.text), text: '' });
  patchDraft({ plainText: false });
  useComposer.setState((s) => ({ editorKey: s.editorKey + 1 }));
}
