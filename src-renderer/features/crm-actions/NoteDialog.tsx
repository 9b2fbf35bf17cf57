import { useEffect, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { Field } from '../../components/Field.js';
import { useT } from '../../i18n/use-t.js';
import { CrmDialog } from './CrmDialog.js';
import { useAgents } from './use-agents.js';
import { useCrmSubmit } from './use-crm-submit.js';

interface Props {
  detail: MessageDetail;
  onClose(): void;
  onDone(outcome: string): void;
}

/**
 * "Note for a colleague…": instead of forwarding internally, a note on the email waits in the colleague's list. It
 * also concerns the contacts and companies the email is filed under, so it shows on their timelines.
 */
export function NoteDialog({ detail, onClose, onDone }: Props) {
  const t = useT();
  const { colleagues } = useAgents();
  const [body, setBody] = useState('');
  const [addresseeId, setAddresseeId] = useState<number | null>(null);
  const [touched, setTouched] = useState(false);
  const [empty, setEmpty] = useState(false);
  const { problem, busy, run } = useCrmSubmit(onDone);

  // The first colleague until the agent chooses, so the common case is type and send.
  useEffect(() => {
    if (!touched && colleagues[0]) setAddresseeId(colleagues[0].id);
  }, [colleagues, touched]);

  const submit = () => {
    if (!body.trim()) return setEmpty(true);
    return run(async () => {
      const related = detail.links.filter((l) => l.type === 'contact' || l.type === 'company').map(({ type, id }) => ({ type, id }));
      const note = await engine().client.api.notes.create({ body: body.trim(), addresseeId, related, messageId: detail.id });
      return note.addresseeName ? t('crmActions.note.sentTo', { name: note.addresseeName }) : t('crmActions.note.saved');
    });
  };

  return (
    <CrmDialog
      title={t('crmActions.note.title')}
      testId="crm-note-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      problem={problem}
      busy={busy}
      submitLabel={t('crmActions.note.send')}
    >
      <Field label={t('crmActions.note.to')}>
        {(control) => (
          <select
            {...control}
            value={addresseeId ?? ''}
            onChange={(e) => {
              setTouched(true);
              setAddresseeId(e.target.value ? Number(e.target.value) : null);
            }}
            data-testid="crm-note-to"
          >
            {colleagues.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="">{t('crmActions.note.nobody')}</option>
          </select>
        )}
      </Field>
      <Field label={t('crmActions.note.body')} problem={empty ? t('crmActions.note.empty') : null}>
        {(control) => (
          <textarea
            {...control}
            className="crm-note-body"
            rows={6}
            autoFocus
            maxLength={20_000}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setEmpty(false);
            }}
            onKeyDown={(e) => {
              // Enter writes a new line here; Ctrl+Enter sends, as in a mail composer.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
            data-testid="crm-note-body"
          />
        )}
      </Field>
    </CrmDialog>
  );
}
