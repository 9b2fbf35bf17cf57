import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';

export interface SharedAddress {
  address: string;
  contacts: Array<{ id: number; name: string }>;
}

/**
 * "Which contact is this address?" with one answer per contact: the engine then files all the address's mail,
 * past and future, under the one chosen (links.settle).
 */
export function AddressQuestion({ question, onSettled }: { question: SharedAddress; onSettled: () => void }) {
  const t = useT();
  const settle = async (contactId: number) => {
    await engine().client.api.links.settle({ address: question.address, contactId });
    onSettled();
  };
  return (
    <div className="crm-ambiguous" role="group" aria-label={t('crmLinks.ambiguous.label')} data-testid="crm-ambiguous" data-address={question.address}>
      <span>{t('crmLinks.ambiguous.question', { address: question.address })}</span>
      {question.contacts.map((c) => (
        <button key={c.id} type="button" className="link-button" onClick={() => void settle(c.id).catch(reportError)}>
          {t('crmLinks.ambiguous.choose', { name: c.name })}
        </button>
      ))}
    </div>
  );
}
