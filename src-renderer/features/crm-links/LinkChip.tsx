import type { MessageLink } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { RecordIcon } from './RecordIcon.js';
import { TYPE_KEYS } from '../crm/record-types.js';
import { REASON_LABELS } from './reason-labels.js';

interface Props {
  link: MessageLink;
  onOpen(): void;
  onUnlink(): void;
}

/** One record the email is filed under: a button that opens it, why it is there, and a red cross that unlinks it. */
export function LinkChip({ link, onOpen, onUnlink }: Props) {
  const t = useT();
  const name = link.name || t(TYPE_KEYS[link.type].one);
  const reason = REASON_LABELS[link.reason];
  return (
    <li className="crm-link" data-testid="crm-link" data-type={link.type} data-id={link.id} data-reason={link.reason}>
      <button
        type="button"
        className="crm-link-open"
        title={`${t(TYPE_KEYS[link.type].one)} · ${t(reason.hint)}`}
        aria-label={t('crmLinks.open', { type: t(TYPE_KEYS[link.type].one), name, reason: t(reason.badge) })}
        onClick={onOpen}
        data-testid="crm-link-open"
      >
        <RecordIcon type={link.type} />
        <span className="crm-link-name" data-testid="crm-link-name">{name}</span>
        <span className="crm-link-reason" data-testid="crm-link-reason">{t(reason.badge)}</span>
      </button>
      <button
        type="button"
        className="crm-link-unlink"
        aria-label={t('crmLinks.unlink', { name })}
        title={t('crmLinks.unlink', { name })}
        onClick={onUnlink}
        data-testid="crm-link-unlink"
      >
        <Icon name="close" />
      </button>
    </li>
  );
}
