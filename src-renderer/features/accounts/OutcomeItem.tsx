import type { ConnectionOutcome } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import type { Side } from './draft-problems.js';
import { outcomeText } from './setup-labels.js';

/** One side of the connection test: the server, then "Connected securely" or what failed, in two languages of care. */
export function OutcomeItem({ side, server, outcome }: { side: Side; server: string; outcome: ConnectionOutcome }) {
  const t = useT();
  return (
    <li
      className={`outcome ${outcome.ok ? 'is-ok' : 'is-failed'}`}
      data-testid={`outcome-${side}`}
      data-ok={outcome.ok}
      data-code={outcome.ok ? undefined : outcome.code}
    >
      <Icon name={outcome.ok ? 'check' : 'warning'} className="outcome-icon" />
      <div className="outcome-body">
        <div className="outcome-title">
          <strong>{t(side === 'incoming' ? 'accounts.side.incoming' : 'accounts.side.outgoing')}</strong>
          <span className="outcome-server">{server}</span>
        </div>
        <p className="outcome-text" data-testid="outcome-text">
          {outcomeText(t, outcome)}
        </p>
        {outcome.ok ? null : (
          // The server's own words, untranslated: what a support person or an administrator will ask for.
          <small className="server-message" lang="en" data-testid="server-message">
            {outcome.message}
          </small>
        )}
      </div>
    </li>
  );
}
