import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Task } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { useAgents } from '../../crm-actions/use-agents.js';
import { reportError } from '../../../stores/error-store.js';
import { shortDate } from '../format.js';
import { TASK_STATUS_KEYS } from '../status-labels.js';
import { Facts } from './Facts.js';
import { InlineSelect } from './InlineSelect.js';
import { RelatedRecords } from './RelatedRecords.js';

export function TaskDetails({ task, reload }: { task: Task; reload(): void }) {
  const t = useT();
  const intl = useIntl();
  const agents = useAgents().agents;
  const api = engine().client.api;
  // Ticked at once, as a checkbox should; the engine's answer (or the change event) confirms it.
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => setAsked(null), [task.status]);
  const done = asked ?? task.status === 'done';
  const overdue = task.status !== 'done' && task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
  return (
    <>
      <label className="crmw-check crmw-done-toggle">
        <input
          type="checkbox"
          checked={done}
          data-testid="crm-task-done"
          onChange={() => {
            setAsked(!done);
            api.tasks.update({ id: task.id, status: done ? 'todo' : 'done' }).then(reload, (error: unknown) => {
              setAsked(null);
              reportError(error);
            });
          }}
        />
        {t('crm.task.markDone')}
      </label>
      <Facts
        items={[
          [t('crm.field.status'), <span className={`badge crmw-status crmw-status-${task.status}`} data-testid="crm-task-status">{t(TASK_STATUS_KEYS[task.status])}</span>],
          [
            t('crm.field.due'),
            task.dueAt ? (
              <span className={overdue ? 'crmw-overdue' : undefined}>
                {shortDate(intl, task.dueAt)}
                {overdue ? ` · ${t('crm.task.overdue')}` : ''}
              </span>
            ) : null,
          ],
          [t('crm.field.category'), task.category],
          [
            t('crm.field.assignee'),
            <InlineSelect
              label={t('crm.field.assignee')}
              value={task.assigneeId ? String(task.assigneeId) : ''}
              options={[{ value: '', label: t('crm.nobody') }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]}
              onSave={(v) => api.tasks.update({ id: task.id, assigneeId: v ? Number(v) : null })}
              testId="crm-task-assignee"
            />,
          ],
          [t('crm.task.doneAt'), shortDate(intl, task.doneAt)],
          [t('crm.field.notes'), task.notes ? <span className="crmw-lines">{task.notes}</span> : null],
        ]}
      />
      <RelatedRecords record={{ type: 'task', id: task.id }} related={task.related} onChanged={reload} />
    </>
  );
}
