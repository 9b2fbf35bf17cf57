import { useT } from '../../i18n/use-t.js';
import { busyText, outcomeText } from './setup-labels.js';
import { useSetup } from './setup-store.js';

/**
 * One live region for the whole dialog, present from the start so that screen readers announce its changes:
 * what the dialog is waiting for, what discovery found, and the test's answer.
 */
export function SetupAnnouncer() {
  const t = useT();
  const busy = useSetup((s) => s.busy);
  const provider = useSetup((s) => s.draft.oauthProvider);
  const found = useSetup((s) => s.candidates?.length ?? null);
  const outcome = useSetup((s) => s.outcome);
  let text = '';
  if (busy) text = busyText(t, busy, provider);
  else if (outcome) {
    text = `${t('accounts.side.incoming')}: ${outcomeText(t, outcome.incoming)} ${t('accounts.side.outgoing')}: ${outcomeText(t, outcome.outgoing)}`;
  } else if (found !== null) text = found === 0 ? t('accounts.discovery.none') : t('accounts.discovery.found', { count: found });
  return (
    <div className="visually-hidden" role="status">
      {text}
    </div>
  );
}
