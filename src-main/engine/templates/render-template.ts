import type Database from 'better-sqlite3';
import type { MergeTarget, Template } from '../../../src-shared/contract/index.js';
import { fillTemplateParts, mergeValues, type FilledTemplate, type MergeValues, type TemplateParts } from '../../../src-shared/domain/merge-fields.js';
import { mergeSourcesFor } from './merge-sources.js';
import { TemplatesRepo } from './templates-repo.js';

export interface RenderOptions {
  /** The agent who sends: the agent.* fields, and the language of the date and greeting (theirs, else English). */
  agentId: number;
  /**
   * true for a preview: a field with no value stays visible, marked. false when sending for real: it becomes
   * empty (no braces reach a recipient) and is still listed in `missing`, for the caller to warn about or skip.
   */
  markMissing: boolean;
  now?: Date;
}

export interface RenderedTemplate extends FilledTemplate {
  /** The template itself: its category and attachments go with the message. */
  template: Template;
}

/** Every field's value for one target, as this agent sends now. */
export function mergeValuesFor(sqlite: Database.Database, target: MergeTarget, options: Pick<RenderOptions, 'agentId' | 'now'>): MergeValues {
  return mergeValues(mergeSourcesFor(sqlite, target, options.agentId, options.now ?? new Date()));
}

/**
 * A template filled for one recipient, as compose and mailings send it and templates.render previews it. A deleted
 * template still renders, so that a mailing started from it finishes.
 */
export function renderTemplate(sqlite: Database.Database, templateId: number, target: MergeTarget, options: RenderOptions): RenderedTemplate {
  const { deleted: _deleted, ...template } = new TemplatesRepo(sqlite).row(templateId);
  return { ...renderParts(sqlite, template, target, options), template };
}

/** Parts not saved as a template (the editor's live preview), filled like a template. */
export function renderParts(sqlite: Database.Database, parts: TemplateParts, target: MergeTarget, options: RenderOptions): FilledTemplate {
  return fillTemplateParts(parts, mergeValuesFor(sqlite, target, options), options.markMissing);
}
