import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import type { QuickForm, QuickKind } from './quick-create-form.js';

interface Props {
  kind: QuickKind;
  form: QuickForm;
  set(patch: Partial<QuickForm>): void;
  /** The field the problem is about, with the problem in the person's words. */
  problem: { field: string; text: string } | null;
  /** The notes hold the job title the signature gave. */
  titleInNotes: boolean;
}

/** The fields of the contact, company and lead forms, prefilled from the sender. */
export function QuickCreateFields({ kind, form, set, problem, titleInNotes }: Props) {
  const t = useT();
  const problemFor = (field: string) => (problem?.field === field ? problem.text : null);
  const text = (label: string, key: 'firstName' | 'lastName' | 'email' | 'companyName' | 'source', field: string = key, autoFocus = false) => (
    <Field label={label} problem={problemFor(field)}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={key === 'email' ? 'email' : 'text'}
          autoFocus={autoFocus}
          value={form[key]}
          onChange={(e) => set({ [key]: e.target.value })}
          data-testid={`crm-create-${key}`}
        />
      )}
    </Field>
  );

  const notes = () => (
    <Field label={t('crmLinks.field.notes')} hint={titleInNotes && kind !== 'company' ? t('crmLinks.create.titleHint') : undefined}>
      {(control) => <textarea {...control} rows={2} value={form.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="crm-create-notes" />}
    </Field>
  );

  if (kind === 'company') {
    return (
      <div className="crm-create-fields">
        {text(t('crmLinks.field.companyName'), 'companyName', 'companyName', true)}
        {notes()}
      </div>
    );
  }

  const phones = kind === 'contact' ? form.phones : form.phones.slice(0, 1);
  return (
    <div className="crm-create-fields">
      <div className="crm-create-row">
        {text(t('crmLinks.field.firstName'), 'firstName', 'name', true)}
        {text(t('crmLinks.field.lastName'), 'lastName')}
      </div>
      {text(t('crmLinks.field.email'), 'email')}
      {phones.map((phone, i) => (
        <Field key={i} label={kind === 'contact' && phones.length > 1 ? t('crmLinks.field.phoneN', { n: i + 1 }) : t('crmLinks.field.phone')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="tel"
              value={phone}
              onChange={(e) => set({ phones: form.phones.map((p, j) => (j === i ? e.target.value : p)) })}
              data-testid="crm-create-phone"
            />
          )}
        </Field>
      ))}
      {kind === 'contact' && phones.length < 10 ? (
        <button type="button" className="link-button crm-create-add-phone" onClick={() => set({ phones: [...form.phones, ''] })} data-testid="crm-create-add-phone">
          {t('crmLinks.field.addPhone')}
        </button>
      ) : null}
      {text(t('crmLinks.field.company'), 'companyName')}
      {kind === 'lead' ? text(t('crmLinks.field.source'), 'source') : null}
      {notes()}
    </div>
  );
}
