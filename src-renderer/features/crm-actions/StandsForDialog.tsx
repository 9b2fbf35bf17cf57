import { useState } from 'react';
import type { MessageDetail, RecordHit } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { CrmDialog } from './CrmDialog.js';
import { RecordSearch } from './RecordSearch.js';
import { useCrmSubmit } from './use-crm-submit.js';

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
  const { problem, setProblem, busy, run } = useCrmSubmit(onDone);

  const replace = (hit: RecordHit | null) => {
    if (!hit) return setProblem(t('crmActions.standsFor.pickMissing'));
    return run(async () => {
      await engine().client.api.links.replaceSender({ messageId: detail.id, contactId: hit.id });
      return t('crmActions.standsFor.done', { name: hit.name });
    });
  };

  return (
    <CrmDialog
      title={t('crmActions.standsFor.title')}
      testId="crm-stands-for-dialog"
      onClose={onClose}
      onSubmit={() => void replace(chosen)}
      problem={problem}
      busy={busy}
      submitLabel={t('crmActions.standsFor.confirm')}
    >
      <p className="crm-muted">{t('crmActions.standsFor.text', { address: detail.from?.address ?? '' })}</p>
      <RecordSearch
        label={t('crmActions.standsFor.search')}
        scope="contact"
        search={async (query) => (await engine().client.api.records.search({ query, types: ['contact'], limit: 20 })).items}
        chosen={chosen}
        onChoose={setChosen}
        onSubmit={(hit) => void replace(hit)}
        testId="crm-stands-for-search"
      />
    </CrmDialog>
  );
}
