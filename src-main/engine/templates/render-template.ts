import type Database from 'better-sqlite3';
import type { MergeTarget, Template } from '../../../src-shared/contract/index.js';
import { fillMergeFields, mergeValues, type MergeField, type MergeValues } from '../../../src-shared/domain/merge-fields.js';
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

export interface RenderedTemplate {
  subject: string;
  /** Greeting, body and closing, one after the other; empty parts left out. */
  html: string;
  missing: MergeField[];
  /** Names between braces that are no merge field, left as written. */
  unknown: string[];
  /** The template itself: its category and attachments go with the message. */
  template: Template;
}

/**
 * A template filled for one recipient, as compose and mailings send it and templates.render previews it. A deleted
 * template still renders, so that a mailing started from it finishes.
 */
export function renderTemplate(sqlite: Database.Database, templateId: number, target: MergeTarget, options: RenderOptions): RenderedTemplate {
  const { deleted: _deleted, ...template } = new TemplatesRepo(sqlite).row(templateId);
  const values = mergeValues(mergeSourcesFor(sqlite, target, options.agentId, options.now ?? new Date()));
  return { ...fillTemplate(template, values, options.markMissing), template };
}

/** The parts of a template filled with these values. */
export function fillTemplate(
  parts: Pick<Template, 'subject' | 'greeting' | 'body' | 'closing'>,
  values: MergeValues,
  markMissing: boolean,
): Omit<RenderedTemplate, 'template'> {
  const subject = fillMergeFields(parts.subject, values, { html: false, markMissing });
  const html = [parts.greeting, parts.body, parts.closing]
    .filter((part) => !isBlankHtml(part))
    .map((part) => fillMergeFields(part, values, { html: true, markMissing }));
  const all = [subject, ...html];
  return {
    subject: subject.text,
    html: html.map((h) => h.text).join('\n'),
    missing: [...new Set(all.flatMap((f) => f.missing))],
    unknown: [...new Set(all.flatMap((f) => f.unknown))],
  };
}

/** An editor's empty field ("<p><br></p>") says nothing and would only add a blank paragraph. */
function isBlankHtml(html: string): boolean {
  if (/<(img|hr|table)\b/i.test(html)) return false;
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|\s/g, '') === '';
}
