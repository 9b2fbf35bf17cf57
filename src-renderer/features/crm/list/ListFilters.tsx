import { useId } from 'react';
import type { RecordType } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import { useAgents } from '../../crm-actions/use-agents.js';
import { useCrmLists } from '../../../stores/crm-lists-store.js';
import { DEAL_STAGE_KEYS, LEAD_STATUS_KEYS, TICKET_STATUS_KEYS } from '../status-labels.js';
import { useLive } from '../use-live.js';

interface Option {
  value: string;
  label: string;
}

function FilterSelect({ type, name, label, options, any }: { type: RecordType; name: string; label: MessageKey; options: Option[]; any?: MessageKey }) {
  const t = useT();
  const id = useId();
  const value = useCrmLists((s) => s.views[type].filters[name] ?? '');
  return (
    <span className="crmw-filter">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} className="crmw-select" value={value} data-testid={`crm-filter-${name}`} onChange={(e) => useCrmLists.getState().update(type, { filters: { [name]: e.target.value } })}>
        {any ? <option value="">{t(any)}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

function AssigneeFilter({ type }: { type: RecordType }) {
  const agents = useAgents().agents;
  return <FilterSelect type={type} name="assigneeId" label="crm.field.assignee" any="crm.filter.anyone" options={agents.map((a) => ({ value: String(a.id), label: a.name }))} />;
}

function QueueFilter() {
  const queues = useLive(() => engine().client.api.tickets.queues(), [], ['tickets']).data?.items ?? [];
  return <FilterSelect type="ticket" name="queue" label="crm.field.queue" any="crm.filter.any" options={queues.map((q) => ({ value: q, label: q }))} />;
}

function CategoryFilter() {
  const categories = useLive(() => engine().client.api.tasks.categories(), [], ['tasks']).data?.items ?? [];
  return <FilterSelect type="task" name="category" label="crm.field.category" any="crm.filter.any" options={categories.map((c) => ({ value: c, label: c }))} />;
}

const entries = <K extends string>(keys: Record<K, MessageKey>, t: (k: MessageKey) => string): Option[] =>
  (Object.keys(keys) as K[]).map((k) => ({ value: k, label: t(keys[k]) }));

/** The tasks list's own choices (not a task's statuses): what is still to do, what is done, or both. */
const TASK_SHOWN_KEYS = { open: 'crm.filter.task.open', done: 'crm.filter.task.done', all: 'crm.filter.task.all' } satisfies Record<string, MessageKey>;
const EVENT_SHOWN_KEYS = { '': 'crm.filter.event.all', upcoming: 'crm.filter.event.upcoming' } satisfies Record<string, MessageKey>;

/** The filters a section's contract offers, beside its search box. */
export function ListFilters({ type }: { type: RecordType }) {
  const t = useT();
  switch (type) {
    case 'ticket':
      return (
        <>
          <FilterSelect type="ticket" name="status" label="crm.field.status" any="crm.filter.any" options={entries(TICKET_STATUS_KEYS, t)} />
          <QueueFilter />
          <AssigneeFilter type="ticket" />
        </>
      );
    case 'task':
      return (
        <>
          <FilterSelect type="task" name="status" label="crm.field.status" options={entries(TASK_SHOWN_KEYS, t)} />
          <CategoryFilter />
          <AssigneeFilter type="task" />
        </>
      );
    case 'deal':
      return <FilterSelect type="deal" name="stage" label="crm.field.stage" any="crm.filter.any" options={entries(DEAL_STAGE_KEYS, t)} />;
    case 'lead':
      return <FilterSelect type="lead" name="status" label="crm.field.status" any="crm.filter.any" options={entries(LEAD_STATUS_KEYS, t)} />;
    case 'event':
      return <FilterSelect type="event" name="when" label="crm.filter.when" options={entries(EVENT_SHOWN_KEYS, t)} />;
    case 'contact':
    case 'company':
      return null;
  }
}
