import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { useAgents } from './use-agents.js';

/** Who will do it: an agent of the office, or nobody yet. */
export function AssigneeSelect({ value, onChange, testId }: { value: number | null; onChange(id: number | null): void; testId: string }) {
  const t = useT();
  const { agents } = useAgents();
  return (
    <Field label={t('crmActions.assignee')}>
      {(control) => (
        <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={testId}>
          <option value="">{t('crmActions.assignee.nobody')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
