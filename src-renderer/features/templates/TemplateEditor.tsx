import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ContractError, type DraftAttachment, type Template } from '../../../src-shared/contract/index.js';
import { escapeHtml, isBlankHtml, unknownMergeFields } from '../../../src-shared/domain/merge-fields.js';
import { engine } from '../../api/engine.js';
import { Field } from '../../components/Field.js';
import { useT, type Translate } from '../../i18n/use-t.js';
import { useCategories } from '../../stores/categories-store.js';
import { AttachmentsField } from './AttachmentsField.js';
import { ContactPicker } from './ContactPicker.js';
import { MergeFieldMenu } from './MergeFieldMenu.js';
import { PartEditor, type PartEditorHandle } from './PartEditor.js';
import { TemplatePreview } from './TemplatePreview.js';
import { useTemplates } from './templates-store.js';
import { targetOf, useRendered } from './use-rendered.js';

type Part = 'greeting' | 'body' | 'closing';
const PARTS: Part[] = ['greeting', 'body', 'closing'];

interface Draft {
  name: string;
  subject: string;
  category: string | null;
  greeting: string;
  body: string;
  closing: string;
  attachments: DraftAttachment[];
}

/** A new template starts with the parts most letters have: the greeting helper, and a closing signed by the agent. */
function blank(t: Translate): Draft {
  return {
    name: '',
    subject: '',
    category: null,
    greeting: '<p>{{greeting}}</p>',
    body: '',
    closing: `<p>${escapeHtml(t('templates.defaultClosing'))}</p><p>{{agent.fullName}}</p>`,
    attachments: [],
  };
}

const draftOf = (t: Template): Draft => ({ name: t.name, subject: t.subject, category: t.category, greeting: t.greeting, body: t.body, closing: t.closing, attachments: t.attachments });

/**
 * The template editor, in place of the list and the reading pane: name, subject, outgoing category, the three
 * parts each in its own rich-text field, merge fields inserted where the caret was, files, and beside them a live
 * preview for a chosen contact with every field that has no value marked.
 */
export function TemplateEditor({ editing, folderId }: { editing: Template | 'new'; folderId: number }) {
  const t = useT();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(() => (editing === 'new' ? blank(t) : draftOf(editing)));
  const [problem, setProblem] = useState<string | null>(null);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const outgoing = useCategories((s) => s.items).filter((c) => c.direction === 'out');
  const previewContact = useTemplates((s) => s.previewContact);
  const { setPreviewContact, closeEditor } = useTemplates.getState();
  const parts = useRef<Record<Part, PartEditorHandle | null>>({ greeting: null, body: null, closing: null });
  const subjectRef = useRef<HTMLInputElement>(null);
  // Where "Insert field" puts a field: the field edited last (the body until then).
  const target = useRef<'subject' | Part>('body');

  useEffect(() => void useCategories.getState().refresh(), []);

  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const preview = useRendered(
    JSON.stringify([draft.subject, draft.greeting, draft.body, draft.closing, previewContact?.id]),
    () => engine().client.api.templates.preview({ parts: { subject: draft.subject, greeting: draft.greeting, body: draft.body, closing: draft.closing }, target: targetOf(previewContact?.id) }),
    250,
  );

  function insert(token: string) {
    if (target.current !== 'subject') {
      parts.current[target.current]?.insertToken(token);
      return;
    }
    const input = subjectRef.current!;
    const start = input.selectionStart ?? draft.subject.length;
    const end = input.selectionEnd ?? start;
    change({ subject: draft.subject.slice(0, start) + token + draft.subject.slice(end) });
    requestAnimationFrame(() => {
      input.focus();
      input.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setNameProblem(draft.name.trim() ? null : t('templates.nameRequired'));
    if (!draft.name.trim()) return;
    const unknown = unknownMergeFields(draft.subject, draft.greeting, draft.body, draft.closing);
    if (unknown.length > 0) {
      setProblem(t('templates.unknownProblem', { fields: unknown.map((f) => `{{${f}}}`).join(', ') }));
      return;
    }
    const fields = { ...draft, ...Object.fromEntries(PARTS.map((p) => [p, isBlankHtml(draft[p]) ? '' : draft[p]])) };
    setSaving(true);
    try {
      const api = engine().client.api;
      const saved = editing === 'new' ? await api.templates.create({ ...fields, folderId }) : await api.templates.update({ id: editing.id, ...fields });
      closeEditor(saved);
    } catch (error) {
      setProblem(error instanceof ContractError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="pane template-editor" aria-labelledby={titleId} data-testid="template-editor">
      <form className="template-editor-form" onSubmit={(e) => void save(e)} noValidate>
        <header className="template-editor-header">
          <h2 id={titleId}>{editing === 'new' ? t('templates.newTitle') : t('templates.editTitle', { name: editing.name })}</h2>
          <button type="button" className="button" onClick={() => closeEditor()} data-testid="template-cancel">
            {t('templates.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="template-save">
            {t('templates.save')}
          </button>
        </header>
        {problem ? (
          <p className="template-problem" role="alert" data-testid="template-problem">
            {problem}
          </p>
        ) : null}
        <Field label={t('templates.name')} problem={nameProblem}>
          {(control) => <input {...control} className="input" value={draft.name} maxLength={200} onChange={(e) => change({ name: e.target.value })} data-testid="template-name" />}
        </Field>
        <Field label={t('templates.subject')}>
          {(control) => (
            <input
              {...control}
              ref={subjectRef}
              className="input"
              value={draft.subject}
              maxLength={998}
              onFocus={() => (target.current = 'subject')}
              onChange={(e) => change({ subject: e.target.value })}
              data-testid="template-subject"
            />
          )}
        </Field>
        <Field label={t('templates.category')} hint={t('templates.categoryHint')}>
          {(control) => (
            <select {...control} className="input" value={draft.category ?? ''} onChange={(e) => change({ category: e.target.value || null })} data-testid="template-category">
              <option value="">{t('templates.noCategory')}</option>
              {outgoing.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.family ? `${c.family} · ${c.name}` : c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="template-editor-tools">
          <MergeFieldMenu onInsert={insert} />
        </div>
        {PARTS.map((part) => (
          <PartEditor
            key={part}
            ref={(handle) => {
              parts.current[part] = handle;
            }}
            part={part}
            label={t(`templates.part.${part}`)}
            initialHtml={draft[part]}
            onFocus={() => (target.current = part)}
            onChange={(html) => change({ [part]: html })}
          />
        ))}
        <AttachmentsField items={draft.attachments} onChange={(attachments) => change({ attachments })} />
      </form>
      <aside className="template-editor-preview" aria-label={t('templates.preview')}>
        <h3>{t('templates.preview')}</h3>
        <ContactPicker contact={previewContact} onChange={setPreviewContact} />
        {preview ? <TemplatePreview rendered={preview} /> : null}
      </aside>
    </section>
  );
}
