import { useId, useState } from 'react';
import { reportError } from '../../../stores/error-store.js';

interface Props {
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  /** Saves the choice at once; the page refetches from the change event. */
  onSave(value: string): Promise<unknown>;
  testId: string;
}

/** A field changed where it is shown (a ticket's queue, a task's assignee), without opening the form. */
export function InlineSelect({ label, value, options, onSave, testId }: Props) {
  const id = useId();
  const [saving, setSaving] = useState(false);
  return (
    <span className="crmw-inline-select">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="crmw-select"
        value={value}
        aria-busy={saving}
        data-testid={testId}
        onChange={(e) => {
          setSaving(true);
          onSave(e.target.value)
            .catch(reportError)
            .finally(() => setSaving(false));
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
