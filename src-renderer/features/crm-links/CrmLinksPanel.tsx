import { useState } from 'react';
import type { MessageDetail, MessageLink } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { AmbiguousSender } from './AmbiguousSender.js';
import { LinkChip } from './LinkChip.js';
import { LinkSearchDialog } from './LinkSearchDialog.js';
import { openLinkedRecord } from './open-record.js';
import { QuickCreateDialog } from './QuickCreateDialog.js';
import type { QuickKind } from './quick-create-form.js';
import { useMessageLinks } from './use-message-links.js';
import { useSenderContacts } from './use-sender-contact.js';
import './crm-links.css';

type Open = { dialog: 'search' } | { dialog: 'create'; kind: QuickKind } | null;

/**
 * The reader's CRM line: the records the email is filed under (each opens its page; the cross unlinks it), "Link
 * to…" any record found by search, and quick-create of a contact, company or lead from the sender. A sender who is
 * a contact already gets no "New contact": the contact opens from its chip, or from here when it is not linked.
 */
export function CrmLinksPanel({ detail }: { detail: MessageDetail }) {
  const t = useT();
  const { links, change, refetch } = useMessageLinks(detail);
  const sender = useSenderContacts(detail);
  const senderContact = sender.contacts.length === 1 ? sender.contacts[0]! : null;
  const senderLinked = senderContact !== null && links.some((l) => l.type === 'contact' && l.id === senderContact.id);
  const [open, setOpen] = useState<Open>(null);
  const accept = (items: MessageLink[]) => void change(async () => ({ items }));

  const unlink = (link: MessageLink) =>
    change(() => engine().client.api.links.remove({ messageId: detail.id, type: link.type, id: link.id })).catch(reportError);

  return (
    <section className="crm-links" aria-label={t('crmLinks.label')} data-testid="crm-links">
      <span className="crm-links-title">{t('crmLinks.label')}</span>
      {links.length > 0 ? (
        <ul className="crm-link-list">
          {links.map((link) => (
            <LinkChip key={`${link.type}-${link.id}`} link={link} onOpen={() => openLinkedRecord(link)} onUnlink={() => void unlink(link)} />
          ))}
        </ul>
      ) : (
        <span className="crm-links-none" data-testid="crm-links-none">{t('crmLinks.none')}</span>
      )}
      <span className="crm-links-actions">
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'search' })} data-testid="crm-link-to">
          <Icon name="search" />
          {t('crmLinks.linkTo')}
        </button>
        {detail.from && !sender.loading && sender.contacts.length === 0 ? (
          <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'create', kind: 'contact' })} data-testid="crm-new-contact">
            <Icon name="plus" />
            {t('crmLinks.newContact')}
          </button>
        ) : null}
        {senderContact && !senderLinked ? (
          <button type="button" className="link-button" onClick={() => openLinkedRecord({ type: 'contact', id: senderContact.id })} data-testid="crm-open-sender-contact">
            <Icon name="person" />
            {t('crmLinks.openSenderContact')}
          </button>
        ) : null}
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'create', kind: 'company' })} data-testid="crm-new-company">
          <Icon name="plus" />
          {t('crmLinks.newCompany')}
        </button>
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'create', kind: 'lead' })} data-testid="crm-new-lead">
          <Icon name="plus" />
          {t('crmLinks.newLead')}
        </button>
      </span>
      <AmbiguousSender detail={detail} onSettled={() => void refetch()} />
      {open?.dialog === 'search' ? <LinkSearchDialog messageId={detail.id} linked={links} onLinked={accept} onClose={() => setOpen(null)} /> : null}
      {open?.dialog === 'create' ? <QuickCreateDialog kind={open.kind} detail={detail} linked={links} onLinked={accept} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
