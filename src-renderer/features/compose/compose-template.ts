import type { MergeTarget, Template } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { fragmentText } from './body-parts.js';
import { currentEditor, patchDraft, patchParts, useComposer } from './compose-store.js';

/** Template fields still shown as `{{field}}` in the subject or the text (the person may have filled them in). */
export function missingStill(fields: readonly string[]): string[] {
  if (fields.length === 0) return [];
  const { draft, parts } = useComposer.getState();
  const text = draft.plainText ? parts.text : (currentEditor()?.text() ?? fragmentText(parts.html));
  return fields.filter((field) => text.includes(`{{${field}}}`) || draft.subject.includes(`{{${field}}}`));
}

/** Who the template is filled for: the first To recipient (the engine finds the contact by address). */
function target(): MergeTarget {
  const first = useComposer.getState().draft.to[0];
  return first ? { address: first } : {};
}

/**
 * Puts a template into the mail: its text at the caret (or as the whole body when nothing is written yet), its
 * subject when there is none, its files, and the template itself (a mail sent from it gets its category). Merge
 * fields are filled for the first recipient; those without a value stay visible, marked, and are listed.
 */
export async function insertTemplate(template: Template): Promise<void> {
  const rendered = await engine().client.api.templates.render({ id: template.id, target: target(), markMissing: true });
  const { draft, parts } = useComposer.getState();
  const editor = currentEditor();
  if (draft.plainText) {
    const text = fragmentText(rendered.html);
    patchParts({ text: parts.text.trim() ? `${parts.text.replace(/\s+$/, '')}\n\n${text}` : text });
  } else if (editor) {
    if (editor.text().trim() === '') editor.setHtml(rendered.html);
    else editor.insertHtml(rendered.html);
  }
  patchDraft({
    subject: draft.subject.trim() ? draft.subject : rendered.subject,
    attachments: [...draft.attachments, ...template.attachments],
    templateId: template.id,
  });
  useComposer.setState({ templateMissing: rendered.missing });
}
