import type { Address } from '../../../../src-shared/contract/index.js';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import type { ChipProblem } from './recipient-problems.js';

interface Props {
  recipient: Address;
  problem: ChipProblem | null;
  /** The id of the sentence explaining the problem, under the field. */
  problemId: string | undefined;
  onEdit(): void;
  onRemove(): void;
}

/**
 * One recipient: its name (the address on hover), red when it cannot be sent to, amber with the warning sign when
 * the engine warns about it. The name is a button that puts the entry back into the input to be corrected.
 */
export function RecipientChip({ recipient, problem, problemId, onEdit, onRemove }: Props) {
  const t = useT();
  const shown = recipient.name.trim() || recipient.address;
  const full = recipient.name && recipient.address ? `${recipient.name} <${recipient.address}>` : shown;
  return (
    <li
      className={`cf-chip${problem ? ` is-${problem.severity}` : ''}`}
      data-testid="recipient-chip"
      data-address={recipient.address}
      data-problem={problem ? problem.severity : undefined}
    >
      {problem ? <Icon name="warning" className="cf-chip-sign" label={t(problem.tag)} /> : null}
      <button type="button" className="cf-chip-text" title={full} aria-label={t('composeFields.recipients.edit', { entry: full })} aria-describedby={problemId} onClick={onEdit} data-testid="recipient-chip-text">
        {shown}
      </button>
      {problem ? (
        <span className="cf-chip-tag" aria-hidden="true">
          {t(problem.tag)}
        </span>
      ) : null}
      <button type="button" className="cf-chip-remove" aria-label={t('composeFields.recipients.remove', { entry: full })} title={t('composeFields.recipients.remove', { entry: full })} onClick={onRemove} data-testid="recipient-chip-remove">
        <Icon name="close" />
      </button>
    </li>
  );
}
