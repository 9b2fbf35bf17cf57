import { MailingsList } from './MailingsList.js';
import { MailingView } from './MailingView.js';
import { useMailingsNav } from './mailings-nav.js';
import './mailings.css';

/** The CRM workspace's Mailings section: the mailings sent, or one of them with its recipients. */
export function MailingsSection() {
  const openId = useMailingsNav((s) => s.openId);
  return openId === null ? <MailingsList /> : <MailingView key={openId} id={openId} />;
}
