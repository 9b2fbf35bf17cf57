import { useT } from '../i18n/use-t.js';
import { useConnection } from '../stores/connection-store.js';

/** Shown only after a drop: the first connection is quick on 127.0.0.1 and a bar would just flash. */
export function ConnectionBanner() {
  const t = useT();
  const state = useConnection((s) => s.state);
  if (state !== 'reconnecting') return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="connection-banner">
      <span className="spinner" aria-hidden="true" />
      {t('connection.reconnecting')}
    </div>
  );
}
