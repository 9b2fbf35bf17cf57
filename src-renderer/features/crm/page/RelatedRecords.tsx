import type { NamedRecord, RecordRef } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { reportError } from '../../../stores/error-store.js';
import { TYPE_KEYS } from '../record-types.js';
import { RecordLink } from './RecordLink.js';
import { RecordPicker } from './RecordPicker.js';

/** The records a task or an event is about: each opens, each can be taken off, and others added by search. */
export function RelatedRecords({ record, related, onChanged }: { record: RecordRef; related: NamedRecord[]; onChanged(): void }) {
  const t = useT();
  const api = engine().client.api;
  const others = related.filter((r) => !(r.type === record.type && r.id === record.id));
  return (
    <section className="crmw-subsection" aria-label={t('crm.related.title')}>
      <h2>{t('crm.related.title')}</h2>
      <ul className="crmw-plain-list" data-testid="crm-related">
        {others.map((r) => (
          <li key={`${r.type}-${r.id}`} className="crmw-related-item" data-testid="crm-related-item">
            <span className="crmw-muted">{t(TYPE_KEYS[r.type].one)}</span> <RecordLink record={r} name={r.name} />
            <button
              type="button"
              className="icon-button"
              aria-label={t('crm.related.remove', { name: r.name })}
              title={t('crm.related.remove', { name: r.name })}
              data-testid="crm-related-remove"
              onClick={() => {
                api.records.unrelate({ record, to: { type: r.type, id: r.id } }).then(onChanged, reportError);
              }}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <RecordPicker
        label={t('crm.related.add')}
        types={['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event']}
        value={null}
        resetOnPick
        testId="crm-related-add"
        onChange={(picked) => {
          if (picked) api.records.relate({ record, to: { type: picked.type, id: picked.id } }).then(onChanged, reportError);
        }}
      />
    </section>
  );
}
