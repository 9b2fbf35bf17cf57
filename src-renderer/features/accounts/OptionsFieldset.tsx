import { useId } from 'react';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import type { Visibility } from './account-draft.js';
import type { DraftProblems } from './draft-problems.js';
import { updateDraft, useSetup } from './setup-store.js';

const VISIBILITIES: Array<{ value: Visibility; label: 'accounts.visibility.private' | 'accounts.visibility.public' }> = [
  { value: 'private', label: 'accounts.visibility.private' },
  { value: 'public', label: 'accounts.visibility.public' },
];

/** How often to look for mail, who among the agents sees the account, and a company's own certificate authority. */
export function OptionsFieldset({ problems }: { problems: DraftProblems }) {
  const t = useT();
  const draft = useSetup((s) => s.draft);
  const group = useId();
  const refresh = problems.refreshMinutes;
  return (
    <fieldset className="setup-fieldset setup-options">
      <legend>{t('accounts.options.legend')}</legend>
      <Field label={t('accounts.field.refresh')} hint={t('accounts.field.refreshHint')} problem={refresh ? t(refresh.key, refresh.values) : null} className="field-refresh">
        {(c) => <input {...c} value={draft.refreshMinutes} inputMode="numeric" data-testid="account-refresh" onChange={(e) => updateDraft({ refreshMinutes: e.target.value })} />}
      </Field>
      <div className="field" role="radiogroup" aria-labelledby={`${group}-label`}>
        <span className="field-label" id={`${group}-label`}>
          {t('accounts.visibility.label')}
        </span>
        {VISIBILITIES.map(({ value, label }) => (
          <label key={value} className="check">
            <input type="radio" name={group} value={value} checked={draft.visibility === value} data-testid={`visibility-${value}`} onChange={() => updateDraft({ visibility: value })} />
            {t(label)}
          </label>
        ))}
      </div>
      <details className="setup-advanced" open={draft.caCertPem !== '' || Boolean(problems.caCertPem)}>
        <summary data-testid="ca-toggle">{t('accounts.ca.summary')}</summary>
        <Field label={t('accounts.ca.label')} hint={t('accounts.ca.hint')} problem={problems.caCertPem ? t(problems.caCertPem.key) : null}>
          {(c) => <textarea {...c} rows={5} spellCheck={false} value={draft.caCertPem} placeholder="-----BEGIN CERTIFICATE-----" data-testid="account-ca" onChange={(e) => updateDraft({ caCertPem: e.target.value })} />}
        </Field>
      </details>
    </fieldset>
  );
}
