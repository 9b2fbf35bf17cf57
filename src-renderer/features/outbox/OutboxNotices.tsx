import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { engine } from '../../api/engine.js';
import { formatShortDate } from '../../format/dates.js';
import { useT } from '../../i18n/use-t.js';
import { startOutboxNotices, type Speaker } from './outbox-notices.js';

/** The mailbox window's ear on the outbox: failed and late sends become notices (see outbox-notices.ts). */
export function OutboxNotices() {
  const t = useT();
  const intl = useIntl();
  const speaker = useRef<Speaker>({ t, when: (iso) => formatShortDate(intl, iso) });
  speaker.current = { t, when: (iso) => formatShortDate(intl, iso) };
  useEffect(() => startOutboxNotices(engine(), () => speaker.current), []);
  return null;
}
