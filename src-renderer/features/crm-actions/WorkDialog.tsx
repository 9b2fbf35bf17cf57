import { useState } from 'react';
import type { MessageDetail, RecordHit } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { CrmDialog } from './CrmDialog.js';
import { RecordSearch } from './RecordSearch.js';
import { contactName } from './sender.js';
import { useChoices } from './use-choices.js';
import { useCorrespondent } from './use-correspondent.js';
import { useCrmSubmit } from './use-crm-submit.js';
import { WorkFields } from './WorkFields.js';
import { eventInput, newWorkDraft, taskInput, type DraftProblem, type WorkDraft } from './work-draft.js';

interface Props {
  kind: 'task' | 'event';
  detail: MessageDetail;
  onClose(): void;
  onDone(outcome: string): void;
}

/**
 * "Task…" / "Event…": a new one from the email (the email's contact is related to it by itself), or the email
 * attached to an existing one: tasks not done, narrowed by category; any event. An email can have any number.
 */
export function WorkDialog({ kind, detail, onClose, onDone }: Props) {
  const t = useT();
  const corr = useCorrespondent(detail);
  const [mode, setMode] = useState<'new' | 'pick'>('new');
  const [draft, setDraft] = useState<WorkDraft>(() => newWorkDraft(detail.subject));
  const [invalid, setInvalid] = useState<DraftProblem | null>(null);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<RecordHit | null>(null);
  const { problem, setProblem, busy, run } = useCrmSubmit(onDone);
  const categories = useChoices(() => (kind === 'task' ? engine().client.api.tasks.categories() : Promise.resolve({ items: [] })));

  const link = (hit: RecordHit) =>
    run(async () => {
      await engine().client.api.links.add({ messageId: detail.id, type: kind, id: hit.id });
      return t('crmActions.work.linked', { kind, name: hit.name });
    });

  const create = () => {
    const related = corr.contact ? [{ type: 'contact' as const, id: corr.contact.id }] : [];
    const api = engine().client.api;
    const made = (name: string) => t('crmActions.work.created', { kind, name });
    if (kind === 'task') {
      const input = taskInput(draft, detail.id, related);
      if (typeof input === 'string') return setInvalid(input);
      setInvalid(null);
      return run(async () => made((await api.tasks.create(input)).title));
    }
    const input = eventInput(draft, detail.id, related);
    if (typeof input === 'string') return setInvalid(input);
    setInvalid(null);
    return run(async () => made((await api.events.create(input)).title));
  };

  const submit = () => {
    if (mode === 'new') return void create();
    return chosen ? void link(chosen) : setProblem(t('crmActions.work.pickMissing', { kind }));
  };

  return (
    <CrmDialog
      title={t('crmActions.work.dialogTitle', { kind })}
      testId={`crm-${kind}-dialog`}
      onClose={onClose}
      onSubmit={submit}
      problem={problem}
      busy={busy}
      submitLabel={t(mode === 'new' ? 'crmActions.work.create' : 'crmActions.work.link', { kind })}
    >
      <fieldset className="crm-choice">
        <legend className="visually-hidden">{t('crmActions.work.dialogTitle', { kind })}</legend>
        <label>
          <input type="radio" name={`${kind}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} data-testid="crm-work-mode-new" />
          {t('crmActions.work.modeNew', { kind })}
        </label>
        <label>
          <input type="radio" name={`${kind}-mode`} checked={mode === 'pick'} onChange={() => setMode('pick')} data-testid="crm-work-mode-pick" />
          {t('crmActions.work.modePick', { kind })}
        </label>
      </fieldset>
      {mode === 'new' ? (
        <>
          <WorkFields kind={kind} categories={categories} draft={draft} change={(patch) => setDraft((d) => ({ ...d, ...patch }))} problem={invalid} />
          {corr.contact ? (
            <p className="crm-muted" data-testid="crm-work-related">
              {t('crmActions.work.related', { name: contactName(corr.contact) })}
            </p>
          ) : null}
        </>
      ) : (
        <div className="crm-pick">
          {kind === 'task' ? (
            <label className="crm-inline">
              {t('crmActions.task.category')}
              <select value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="crm-task-filter">
                <option value="">{t('crmActions.task.anyCategory')}</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <RecordSearch
            label={t('crmActions.work.search', { kind })}
            scope={filter}
            search={async (query) =>
              (
                await engine().client.api.records.search(
                  kind === 'task' ? { query, types: ['task'], openOnly: true, ...(filter ? { category: filter } : {}), limit: 30 } : { query, types: ['event'], limit: 30 },
                )
              ).items
            }
            chosen={chosen}
            onChoose={setChosen}
            onSubmit={(hit) => void link(hit)}
            testId="crm-work-search"
          />
        </div>
      )}
    </CrmDialog>
  );
}
