import type { Mailing } from '../../../src-shared/contract/index.js';
import { useT } from '../../i18n/use-t.js';

/** How far a mailing is: the part of its recipients settled (sent, failed or skipped), and "3 of 5 sent". */
export function MailingProgress({ mailing }: { mailing: Mailing }) {
  const t = useT();
  const settled = mailing.sent + mailing.failed + mailing.skipped;
  const text = t('mailings.progress', { sent: mailing.sent, total: mailing.total });
  return (
    <span className="mailing-progress">
      <progress max={mailing.total} value={settled} aria-label={t('mailings.progressLabel')} aria-valuetext={text} />
      <span data-testid="mailing-progress-text">{text}</span>
    </span>
  );
}
