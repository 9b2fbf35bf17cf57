import { useState } from 'react';
import type { MessageDetail, RecordHit } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { CrmDialog } from './CrmDialog.js';
import { problemText } from './problem.js';
import { RecordSearch } from './RecordSearch.js';

interface Props {
  detail: MessageDetail;
  onClose(): void;
  onDone(outcome: string): void;
}

/**
 * "This address stands for…": mail from a generic address (info@, a web form) is really a contact's. The email is
 * then theirs, as if they had sent it, and what the generic address linked is replaced.
 */
export function StandsForDialog({ detail, onClose, onDone }: Props) {
  const t = useT();
  const [chosen, setChosen] = useState<RecordHit | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const replace = async (hit: RecordHit | null) => {
    if (!hit) return setProblem(t('crmActions.standsFor.pickMissing'));
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await engine().client.api.links.replaceSender({ messageId: detail.id, contactId: hit.id });
      onDone(t('crmActions.standsFor.done', { name: hit.name }));
    } catch (error) {
      setProblem(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CrmDialog
      title={t('crmActions.standsFor.title')}
      testId="crm-stands-for-dialog"
      onClose={onClose}
      onSubmit={() => void replace(chosen)}
      problem={problem}
      buttons={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="crm-dialog-cancel">
            {t('crmActions.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={busy} data-testid="crm-dialog-ok">
            {t('crmActions.standsFor.confirm')}
          </button>
        </>
      }
    >
      <p className="crm-muted">{t('crmActions.standsFor.text', { address: detail.from?.address ?? '' })}</p>
      <RecordSearch
        label={t('crmActions.standsFor.search')}
        scope="contact"
        search={async (query) => (await engine().client.api.records.search({ query, types: ['contact'], limit: 20 })).items}
        chosen={chosen}
        onChoose={setChosen}
        onSubmit={(hit) => {
          setChosen(hit);
          void replace(hit);
        }}
        testId="crm-stands-for-search"
      />
    </CrmDialog>
  );
}
