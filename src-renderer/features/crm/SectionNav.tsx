import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { showSection, useCrmNav, type CrmSection } from '../../stores/crm-nav-store.js';
import { SECTION_KEYS, SECTIONS } from './record-types.js';
import { useLive } from './use-live.js';

/** The CRM's sections; "Notes for me" carries how many are still unread. */
export function SectionNav() {
  const t = useT();
  const section = useCrmNav((s) => s.section);
  const onPage = useCrmNav((s) => s.record !== null);
  const unread = useLive(() => engine().client.api.notes.list({ toMe: true, unreadOnly: true, limit: 1 }), [], ['notes'], 'unread').data?.total ?? 0;
  const shared = useLive(() => engine().client.api.links.ambiguous({}), [], ['contacts'], 'shared').data?.items.length ?? 0;
  const counts: Partial<Record<CrmSection, { count: number; label: string; testId: string }>> = {
    notes: { count: unread, label: t('crm.notes.unread', { count: unread }), testId: 'crm-notes-unread' },
    'shared-addresses': { count: shared, label: t('crm.sharedAddresses.count', { count: shared }), testId: 'crm-shared-count' },
  };
  return (
    <nav className="crmw-nav" aria-label={t('crm.nav.label')} data-testid="crm-nav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={s === section ? 'crmw-nav-item is-current' : 'crmw-nav-item'}
              aria-current={s === section ? (onPage ? 'true' : 'page') : undefined}
              data-testid={`crm-nav-${s}`}
              onClick={() => showSection(s)}
            >
              <span className="crmw-nav-name">{t(SECTION_KEYS[s])}</span>
              {counts[s]?.count ? (
                <span className="crmw-nav-count" data-testid={counts[s].testId} aria-label={counts[s].label}>
                  {counts[s].count}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
