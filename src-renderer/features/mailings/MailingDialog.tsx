import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AccountInfo, Template } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { Field } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { useT } from '../../i18n/use-t.js';
import { useAgent } from '../../stores/agent-store.js';
import { reportError } from '../../stores/error-store.js';
import '../crm-actions/crm-actions.css';
import { problemText } from '../crm-actions/problem.js';
import { MAX_RECIPIENTS, type MailingChoice } from './mailing-choices.js';
import { MailingPreview } from './MailingPreview.js';
import { RecipientChooser } from './RecipientChooser.js';
import { openMailing } from './mailings-nav.js';

interface Props {
  /** The recipients offered at first (a list's records, a company), all chosen. */
  initial: () => Promise<MailingChoice[]>;
  onClose(): void;
}

const DEFAULT_RATE = '30';

/**
 * Starts a mailing: the recipients (left out by unticking, more added by search), the template with a preview for
 * the first recipient, the account and the rate. Started, its view opens in the Mailings section.
 */
export function MailingDialog({ initial, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(ref);
  const agentId = useAgent((s) => s.agent?.id ?? null);
  const [choices, setChoices] = useState<MailingChoice[] | null>(null);
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [accounts, setAccounts] = useState<AccountInfo[] | null>(null);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [rate, setRate] = useState(DEFAULT_RATE);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const api = engine().client.api;
    initial().then(setChoices, reportError);
    api.templates.list({}).then((r) => setTemplates(r.items), reportError);
    api.accounts.list({}).then((r) => {
      const usable = r.items.filter((a) => a.agentIds.length === 0 || (agentId !== null && a.agentIds.includes(agentId)));
      setAccounts(usable);
      setAccountId((current) => current ?? usable[0]?.id ?? null);
    }, reportError);
    // Once: what the dialog was opened with.
  }, []);

  const chosen = choices?.filter((c) => c.checked) ?? [];
  const perMinute = Number(rate);
  const rateOk = /^\d+$/.test(rate.trim()) && perMinute >= 1 && perMinute <= 600;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy || choices === null) return;
    const refusal =
      chosen.length === 0 ? t('mailings.dialog.nobody')
      : chosen.length > MAX_RECIPIENTS ? t('mailings.dialog.tooMany', { max: MAX_RECIPIENTS })
      : templateId === null ? t('mailings.dialog.pickTemplate')
      : accountId === null ? t('mailings.dialog.pickAccount')
      : !rateOk ? t('mailings.dialog.badRate')
      : null;
    setProblem(refusal);
    if (refusal || templateId === null || accountId === null) return;
    setBusy(true);
    try {
      const mailing = await engine().client.api.mailings.create({
        templateId,
        accountId,
        recipients: chosen.map((c) => ({ type: c.type, id: c.id })),
        perMinute,
      });
      onClose();
      openMailing(mailing.id);
    } catch (error) {
      setProblem(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal dialogRef={ref} className="crm-dialog mailing-dialog" aria-labelledby={titleId} data-testid="mailing-dialog" onClose={onClose}>
      <form className="crm-dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <header className="crm-dialog-header">
          <h2 id={titleId}>{t('mailings.dialog.title')}</h2>
        </header>
        <div className="crm-dialog-content mailing-dialog-columns">
          <div>
            <RecipientChooser choices={choices} onChange={setChoices} />
            <Field label={t('mailings.dialog.template')} hint={templates?.length === 0 ? t('mailings.dialog.noTemplates') : undefined}>
              {(control) => (
                <select
                  {...control}
                  value={templateId ?? ''}
                  onChange={(e) => setTemplateId(e.target.value ? Number(e.target.value) : null)}
                  data-testid="mailing-template"
                >
                  <option value="">{t('mailings.dialog.chooseTemplate')}</option>
                  {templates?.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('mailings.dialog.account')} hint={accounts?.length === 0 ? t('mailings.dialog.noAccounts') : undefined}>
              {(control) => (
                <select {...control} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value ? Number(e.target.value) : null)} data-testid="mailing-account">
                  {accounts?.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name === a.email ? a.email : `${a.name} <${a.email}>`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('mailings.dialog.rate')} hint={t('mailings.dialog.rateHint')} problem={rateOk ? null : t('mailings.dialog.badRate')}>
              {(control) => <input {...control} type="number" min={1} max={600} step={1} value={rate} onChange={(e) => setRate(e.target.value)} data-testid="mailing-rate" />}
            </Field>
          </div>
          <MailingPreview templateId={templateId} recipient={chosen[0] ?? null} />
        </div>
        <footer className="crm-dialog-footer">
          <p className="crm-dialog-problem" role="alert" data-testid="mailing-dialog-problem">
            {problem}
          </p>
          <button type="button" className="button" onClick={onClose} data-testid="mailing-dialog-cancel">
            {t('crmActions.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={busy || choices === null} data-testid="mailing-start">
            {t('mailings.dialog.start')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
