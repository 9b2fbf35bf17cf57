import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { RecordRef, RecordType } from '../../../../src-shared/contract/index.js';
import { Field } from '../../../components/Field.js';
import { Modal } from '../../../components/Modal.js';
import { useModal } from '../../../components/use-modal.js';
import { useT } from '../../../i18n/use-t.js';
import { openRecord } from '../../../stores/crm-nav-store.js';
import { TYPE_KEYS, type RecordMap } from '../record-types.js';
import { NO_PROBLEMS, problemsOf, type FormProblems } from './engine-problems.js';
import { FormControl } from './FormControl.js';
import { FormRefused, type FormValues } from './form-spec.js';
import { FORM_SPECS } from './form-specs.js';
import { decimalSeparatorOf } from './input-values.js';
import { useProblemText } from './problem-text.js';
import './record-form.css';

interface Props<T extends RecordType> {
  type: T;
  /** The record to edit, or null to create one. */
  record: RecordMap[T] | null;
  /** Values a new record starts with (the requester of a ticket opened from a contact's page). */
  prefill?: FormValues;
  /** Records a new task or event is about. */
  related?: RecordRef[];
  onClose(): void;
  onSaved(record: RecordMap[T]): void;
}

/** Creating and editing a record: the same form, the engine's refusals shown beside the fields they are about. */
export function RecordFormDialog<T extends RecordType>({ type, record, prefill, related, onClose, onSaved }: Props<T>) {
  const t = useT();
  const intl = useIntl();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const spec = FORM_SPECS[type];
  const [values, setValues] = useState<FormValues>(() => ({ ...spec.initial(record), ...prefill }));
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);
  const describe = useProblemText(spec.crossField);
  useModal(ref);

  async function submit(): Promise<void> {
    if (saving) return;
    setSaving(true);
    try {
      const saved = await spec.save(values, record, { decimal: decimalSeparatorOf(intl.locale), related: related ?? [] });
      onSaved(saved);
    } catch (error) {
      setProblems(error instanceof FormRefused ? { ...NO_PROBLEMS, fields: error.fields } : problemsOf(error));
      setSaving(false);
    }
  }

  // The rule across fields shows beside the field it names, when it names one (an event's end before its start).
  const ruleField = problems.form?.kind === 'rule' ? spec.crossField?.field : undefined;
  const fieldProblem = (name: string) => {
    const own = problems.fields[name];
    if (own) return describe(own);
    return ruleField === name && problems.form ? describe(problems.form) : null;
  };
  const formProblem = problems.form && !ruleField ? describe(problems.form) : null;

  return (
    <Modal dialogRef={ref} className="crmw-form-dialog" aria-labelledby={titleId} data-testid="crm-form" onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId}>{t(record ? TYPE_KEYS[type].edit : TYPE_KEYS[type].create)}</h2>
        <div className="crmw-form-fields">
          {spec.fields.map((field) => (
            <Field
              key={field.name}
              label={t(field.label)}
              hint={'hint' in field && field.hint ? t(field.hint) : undefined}
              problem={fieldProblem(field.name)}
              className={field.kind === 'textarea' ? 'crmw-form-wide' : undefined}
            >
              {(control) => (
                <FormControl spec={field} value={values[field.name] ?? null} control={control} onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))} />
              )}
            </Field>
          ))}
        </div>
        {formProblem ? (
          <p className="dialog-problem crmw-form-problem" role="alert" data-testid="crm-form-problem">
            {formProblem}
            {problems.duplicateOf ? (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onClose();
                  openRecord({ type: 'contact', id: problems.duplicateOf! });
                }}
              >
                {t('crm.form.openDuplicate')}
              </button>
            ) : null}
          </p>
        ) : null}
        <footer>
          <button type="button" className="button" onClick={onClose} data-testid="crm-form-cancel">
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={saving} data-testid="crm-form-save">
            {t(record ? 'crm.form.save' : 'crm.form.create')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
