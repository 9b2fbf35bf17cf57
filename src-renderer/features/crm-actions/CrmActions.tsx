import { useCallback, useRef, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { ContextMenu, type MenuAction } from '../../components/ContextMenu.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { useSenderContacts } from '../crm-links/use-sender-contact.js';
import { useReaderPlace } from '../reader/reader-place.js';
import { addSendersToAddressBook } from './add-senders.js';
import { EmailNotes } from './EmailNotes.js';
import { purgeFromHistory, toggleBlacklist, togglePrivate } from './email-commands.js';
import { NoteDialog } from './NoteDialog.js';
import { StandsForDialog } from './StandsForDialog.js';
import { TicketDialog } from './TicketDialog.js';
import { useEmailCrm } from './use-email-crm.js';
import { WorkDialog } from './WorkDialog.js';
import { showNotice } from '../../components/Notice.js';
import './crm-actions.css';

type DialogKind = 'ticket' | 'task' | 'event' | 'note' | 'stands-for';

interface Props {
  detail: MessageDetail;
  /** A colleague's private message: its content is not ours to file or to make public. */
  withheld: boolean;
}

/**
 * The CRM line of an open email: the "CRM" menu (ticket, tasks, events, a note for a colleague, the address book,
 * the blacklist, privacy, removal from the histories), a blacklisted sender, and the notes left on it. The ticket,
 * tasks and events it is filed under show with its other records in the links panel (crm-links). Live: what it shows is fetched again when those records change.
 */
export function CrmActions({ detail, withheld }: Props) {
  const t = useT();
  const place = useReaderPlace();
  const crm = useEmailCrm(detail);
  const senderContacts = useSenderContacts(detail);
  const button = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const canOpen = !place.window;
  const sender = detail.from?.address ?? null;
  const blacklisted = crm.sender?.blacklisted ?? false;

  const refresh = () => {
    void place.store.getState().refresh();
    crm.reload();
  };
  const tell = (text: string | null) => {
    if (text) showNotice(text, t('crmActions.notice.dismiss'));
    refresh();
  };
  const done = (text: string) => {
    setDialog(null);
    tell(text);
  };
  const attempt = (action: () => Promise<string | null>) => () => void action().then(tell, reportError);

  const openMenu = () => {
    const rect = button.current?.getBoundingClientRect();
    if (rect) setMenuAt({ x: rect.left, y: rect.bottom + 2 });
  };
  // Stable: the menu re-runs its placement (and focuses its first item) whenever this changes.
  const closeMenu = useCallback(() => {
    setMenuAt(null);
    // Before the chosen item runs, so a dialog it opens gives the focus back here when it closes.
    button.current?.focus();
  }, []);

  const actions: MenuAction[] = withheld
    ? []
    : [
        { id: 'crm-ticket', label: t('crmActions.menu.ticket'), run: () => setDialog('ticket') },
        { id: 'crm-task', label: t('crmActions.menu.task'), run: () => setDialog('task') },
        { id: 'crm-event', label: t('crmActions.menu.event'), run: () => setDialog('event') },
        { id: 'crm-note', label: t('crmActions.menu.note'), run: () => setDialog('note') },
      ];
  if (sender && !withheld) {
    // A sender already in the address book is not offered to it again.
    const inAddressBook = senderContacts.loading || senderContacts.contacts.length > 0;
    if (!inAddressBook) {
      actions.push({ id: 'crm-add-sender', label: t('crmActions.menu.addSender'), separator: true, run: () => void addSendersToAddressBook([detail.id], t).then(refresh) });
    }
    actions.push({ id: 'crm-stands-for', label: t('crmActions.menu.standsFor'), separator: inAddressBook, run: () => setDialog('stands-for') });
  }
  if (sender) {
    actions.push({
      id: 'crm-blacklist',
      label: t(blacklisted ? 'crmActions.menu.unblacklist' : 'crmActions.menu.blacklist'),
      separator: withheld,
      run: attempt(() => toggleBlacklist(sender, blacklisted, t)),
    });
  }
  if (!withheld) {
    actions.push({ id: 'crm-private', label: t(detail.private ? 'crmActions.menu.makePublic' : 'crmActions.menu.makePrivate'), separator: true, run: attempt(() => togglePrivate(detail, t)) });
  }
  actions.push({ id: 'crm-purge', label: t('crmActions.menu.purge'), separator: true, run: attempt(() => purgeFromHistory(detail, t)) });

  return (
    <>
      <div className="crm-actions" role="group" aria-label={t('crmActions.label')} data-testid="crm-actions">
        <button
          ref={button}
          type="button"
          className="button reader-action"
          aria-haspopup="menu"
          aria-expanded={menuAt !== null}
          onClick={() => (menuAt ? closeMenu() : openMenu())}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown') return;
            e.preventDefault();
            openMenu();
          }}
          data-testid="crm-menu-button"
        >
          {t('crmActions.menu.button')}
          <Icon name="chevron" />
        </button>
        {blacklisted ? (
          <span className="badge crm-badge-danger" data-testid="crm-blacklisted">
            {t('crmActions.blacklisted')}
          </span>
        ) : null}
      </div>
      <EmailNotes notes={crm.notes} />
      {menuAt ? <ContextMenu label={t('crmActions.label')} at={menuAt} actions={actions} onClose={closeMenu} /> : null}
      {dialog === 'ticket' ? <TicketDialog detail={detail} ticket={crm.ticket} canOpen={canOpen} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog === 'task' || dialog === 'event' ? <WorkDialog key={dialog} kind={dialog} detail={detail} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog === 'note' ? <NoteDialog detail={detail} onClose={() => setDialog(null)} onDone={done} /> : null}
      {dialog === 'stands-for' ? <StandsForDialog detail={detail} onClose={() => setDialog(null)} onDone={done} /> : null}
    </>
  );
}
