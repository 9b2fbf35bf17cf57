import type { ControlProps } from '../../../components/Field.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { useAgents } from '../../crm-actions/use-agents.js';
import { RecordPicker } from '../page/RecordPicker.js';
import { useLive } from '../use-live.js';
import type { FieldSpec, FieldValue } from './form-spec.js';

interface Props {
  spec: FieldSpec;
  value: FieldValue;
  control: ControlProps;
  onChange(value: FieldValue): void;
}

function Suggestions({ id, source }: { id: string; source: 'queues' | 'categories' }) {
  const items = useLive(() => (source === 'queues' ? engine().client.api.tickets.queues() : engine().client.api.tasks.categories()), [source], []).data?.items ?? [];
  return (
    <datalist id={id}>
      {items.map((item) => (
        <option key={item} value={item} />
      ))}
    </datalist>
  );
}

/** One field of a record's form, drawn for its kind. */
export function FormControl({ spec, value, control, onChange }: Props) {
  const t = useT();
  const agents = useAgents().agents;
  const str = typeof value === 'string' ? value : '';
  const common = { ...control, name: spec.name, 'data-testid': `crm-field-${spec.name}` };
  switch (spec.kind) {
    case 'text':
    case 'email':
    case 'amount':
      return (
        <input
          {...common}
          className="input"
          type={spec.kind === 'email' ? 'email' : 'text'}
          inputMode={spec.kind === 'amount' ? 'decimal' : undefined}
          maxLength={spec.maxLength}
          aria-required={spec.required || undefined}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'datetime':
      return <input {...common} className="input" type="datetime-local" aria-required={spec.required || undefined} value={str} onChange={(e) => onChange(e.target.value)} />;
    case 'textarea':
      return <textarea {...common} className="input" rows={spec.name === 'notes' ? 4 : 2} value={str} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <select {...common} className="input" value={str} onChange={(e) => onChange(e.target.value)}>
          {Object.entries(spec.options).map(([key, label]) => (
            <option key={key} value={key}>
              {t(label)}
            </option>
          ))}
        </select>
      );
    case 'agent':
      return (
        <select {...common} className="input" value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('crm.nobody')}</option>
          {agents.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
      );
    case 'suggest':
      return (
        <>
          <input {...common} className="input" list={`${control.id}-list`} aria-required={spec.required || undefined} maxLength={100} value={str} onChange={(e) => onChange(e.target.value)} />
          <Suggestions id={`${control.id}-list`} source={spec.source} />
        </>
      );
    case 'record':
      return <RecordPicker {...control} testId={common['data-testid']} types={spec.types} value={value && typeof value === 'object' ? value : null} onChange={onChange} />;
  }
}
