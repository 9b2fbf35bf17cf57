import { create } from 'zustand';
import type { Draft, MessageLink, RecipientWarning } from '../../../src-shared/contract/index.js';
import { emptyDraft } from '../../../src-shared/domain/empty-draft.js';
import { assembleHtml, assembleText, type BodyParts } from './body-parts.js';
import type { EditorHandle } from './editor/BodyEditor.js';

export interface ComposeAccount {
  id: number;
  name: string;
  email: string;
  private: boolean;
}

/** A problem the composer shows beside a field, by its message key (the component translates). */
export type FieldProblem = 'subject-missing' | 'recipients-missing' | 'schedule' | null;

export interface ComposerState {
  /** `done`: sent, saved or discarded, in a window the page could not close itself. */
  phase: 'loading' | 'ready' | 'failed' | 'done';
  /** Why the mail could not be opened (the engine's words). */
  loadError: string | null;
  draft: Draft;
  /** The saved draft this window writes to; null until the first save. */
  draftId: number | null;
  /** The draft existed before this window opened it (Discard on closing then keeps its last saved state). */
  reopened: boolean;
  /** The message of a Drafts folder this window took over (from another client): replaced by the first save. */
  replacesMessageId: number | null;
  parts: BodyParts;
  accounts: ComposeAccount[];
  accountSettled: boolean;
  links: MessageLink[];
  /** Mounting a new editor (after plain text and back) with the body as it was. */
  editorKey: number;

  /** Bumped by every change; the draft is saved when `savedRevision` catches up. */
  revision: number;
  savedRevision: number;
  saving: boolean;
  savedAt: string | null;
  saveError: string | null;

  sending: boolean;
  sendError: string | null;
  problem: FieldProblem;
  /** Bumped with each refusal, so the field takes the focus again on a second try. */
  problemNonce: number;
  warnings: RecipientWarning[];
  /** Merge fields a template left without a value. */
  templateMissing: string[];
  /** Tasks of the email answered that the person chose not to attach to the reply (the others are attached). */
  declinedTasks: number[];
  /** A short note (a picture too large for the text…), by message key and values. */
  notice: { key: 'compose.notice.imageTooLarge' | 'compose.notice.filesNotAttached'; values?: Record<string, string> } | null;
}

export const useComposer = create<ComposerState>(() => ({
  phase: 'loading',
  loadError: null,
  draft: emptyDraft(1),
  draftId: null,
  reopened: false,
  replacesMessageId: null,
  parts: { html: '', text: '', signature: '', position: 'above-quote', quote: '' },
  accounts: [],
  accountSettled: true,
  links: [],
  editorKey: 0,
  revision: 0,
  savedRevision: 0,
  saving: false,
  savedAt: null,
  saveError: null,
  sending: false,
  sendError: null,
  problem: null,
  problemNonce: 0,
  warnings: [],
  templateMissing: [],
  declinedTasks: [],
  notice: null,
}));

/** The tasks a reply is offered: those of the email it answers (a reply does not take them unasked; see crm/links.ts). */
export function offeredTasks(state: Pick<ComposerState, 'draft' | 'links'>): MessageLink[] {
  const kind = state.draft.origin?.kind;
  return kind === 'reply' || kind === 'reply-all' ? state.links.filter((l) => l.type === 'task') : [];
}

/** The editor of the current body, while one is mounted (rich mode). */
let editor: EditorHandle | null = null;
export function setEditor(handle: EditorHandle | null): void {
  editor = handle;
}
export function currentEditor(): EditorHandle | null {
  return editor;
}

/** Something the person changed: the draft is due for saving. */
export function touched(): void {
  useComposer.setState((s) => ({ revision: s.revision + 1 }));
}

export function patchDraft(patch: Partial<Draft>): void {
  useComposer.setState((s) => {
    const problem = s.problem === 'subject-missing' && patch.subject ? null : s.problem === 'recipients-missing' && patch.to?.length ? null : s.problem;
    return { draft: { ...s.draft, ...patch }, revision: s.revision + 1, problem };
  });
}

export function patchParts(patch: Partial<BodyParts>): void {
  useComposer.setState((s) => ({ parts: { ...s.parts, ...patch }, revision: s.revision + 1 }));
}

/** The body as the editor holds it now (rich mode), else the plain text kept in the parts. */
export function currentParts(): BodyParts {
  const { parts, draft } = useComposer.getState();
  if (draft.plainText || !editor) return parts;
  return { ...parts, html: editor.html(), text: editor.text() };
}

/** The Draft as the engine takes it: the body, signature and quote joined as HTML, or as text in plain-text mode. */
export function assembleDraft(): Draft {
  const { draft } = useComposer.getState();
  const parts = currentParts();
  if (draft.plainText) return { ...draft, html: '', text: assembleText(parts, parts.text) };
  return { ...draft, html: assembleHtml(parts), text: '' };
}

export function isDirty(): boolean {
  const { revision, savedRevision } = useComposer.getState();
  return revision !== savedRevision;
}
