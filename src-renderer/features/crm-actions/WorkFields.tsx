import { useId } from 'react';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { AssigneeSelect } from './AssigneeSelect.js';
import type { DraftProblem, WorkDraft } from './work-draft.js';

interface Props {
  kind: 'task' | 'event';
  /** The task categories already in use, offered while typing. */
  categories: string[];
  draft: WorkDraft;
  change(patch: Partial<WorkDraft>): void;
  problem: DraftProblem | null;
}

/** A new task's title, category, due date and assignee; a new event's title, start, end and place. */
export function WorkFields({ kind, categories, draft, change, problem }: Props) {
  const t = useT();
  const listId = useId();
  const say = (p: DraftProblem) => (problem === p ? t(`crmActions.draft.${p}`) : null);
  return (
    <>
      <Field label={t('crmActions.work.title')} problem={say('title')}>
        {(control) => <input {...control} value={draft.title} maxLength={500} onChange={(e) => change({ title: e.target.value })} data-testid="crm-work-title" />}
      </Field>
      {kind === 'task' ? (
        <>
          <Field label={t('crmActions.task.category')} hint={t('crmActions.task.categoryHint')}>
            {(control) => (
              <input {...control} list={listId} value={draft.category} maxLength={100} onChange={(e) => change({ category: e.target.value })} data-testid="crm-task-category" />
            )}
          </Field>
          <datalist id={listId}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field label={t('crmActions.task.due')} problem={say('due')}>
            {(control) => <input {...control} type="datetime-local" value={draft.due} onChange={(e) => change({ due: e.target.value })} data-testid="crm-task-due" />}
          </Field>
          <AssigneeSelect value={draft.assigneeId} onChange={(assigneeId) => change({ assigneeId })} testId="crm-task-assignee" />
        </>
      ) : (
        <>
          <Field label={t('crmActions.event.starts')} problem={say('starts')}>
            {(control) => <input {...control} type="datetime-local" value={draft.starts} onChange={(e) => change({ starts: e.target.value })} data-testid="crm-event-starts" />}
          </Field>
          <Field label={t('crmActions.event.ends')} problem={say('ends') ?? say('order')}>
            {(control) => <input {...control} type="datetime-local" value={draft.ends} onChange={(e) => change({ ends: e.target.value })} data-testid="crm-event-ends" />}
          </Field>
          <Field label={t('crmActions.event.location')}>
            {(control) => <input {...control} value={draft.location} maxLength={500} onChange={(e) => change({ location: e.target.value })} data-testid="crm-event-location" />}
          </Field>
        </>
      )}
    </>
  );
}
