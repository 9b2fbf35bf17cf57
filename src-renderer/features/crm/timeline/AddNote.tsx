import { useId, useState } from 'react';
import type { RecordRef } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { useT } from '../../../i18n/use-t.js';
import { useAgents } from '../../crm-actions/use-agents.js';
import { problemsOf } from '../form/engine-problems.js';

/** A note on this record, for everyone or addressed to a colleague (it then waits in their "notes for me"). */
export function AddNote({ record }: { record: RecordRef }) {
  const t = useT();
  const id = useId();
  const { colleagues } = useAgents();
  const [body, setBody] = useState('');
  const [addressee, setAddressee] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function add(): Promise<void> {
    if (saving) return;
    if (!body.trim()) return setProblem(t('crm.note.empty'));
    setSaving(true);
    try {
      await engine().client.api.notes.create({ body: body.trim(), addresseeId: addressee ? Number(addressee) : null, related: [record] });
      setBody('');
      setAddressee('');
      setProblem(null);
    } catch (error) {
      setProblem(problemsOf(error).form?.message ?? t('error.code.UNKNOWN'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="crmw-add-note"
      aria-labelledby={`${id}-label`}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label id={`${id}-label`} htmlFor={`${id}-body`}>
        {t('crm.note.add')}
      </label>
      <textarea
        id={`${id}-body`}
        className="input"
        rows={2}
        value={body}
        placeholder={t('crm.note.placeholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        data-testid="crm-note-input"
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void add();
          }
        }}
      />
      <div className="crmw-add-note-row">
        <label htmlFor={`${id}-to`}>{t('crm.note.for')}</label>
        <select id={`${id}-to`} className="crmw-select" value={addressee} onChange={(e) => setAddressee(e.target.value)} data-testid="crm-note-addressee">
          <option value="">{t('crm.note.forEveryone')}</option>
          {colleagues.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
        <span className="crmw-spacer" />
        <button type="submit" className="button button-primary" aria-disabled={saving} data-testid="crm-note-add">
          {t('crm.note.addButton')}
        </button>
      </div>
      {problem ? (
        <p className="dialog-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
