import { useEffect, useRef, useState } from 'react';
import type { Mailing } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { reportError } from '../../stores/error-store.js';
import { STATE_KEYS } from './mailing-labels.js';
import { MailingProgress } from './MailingProgress.js';
import { MailingRecipients } from './MailingRecipients.js';
import { showMailings } from './mailings-nav.js';
import { useMailingLive } from './use-mailing-live.js';

async function load(id: number) {
  const api = engine().client.api;
  const [detail, accounts] = await Promise.all([api.mailings.get({ id }), api.accounts.list({})]);
  const account = accounts.items.find((a) => a.id === detail.mailing.accountId);
  return { ...detail, accountName: account ? `${account.name} <${account.email}>` : '' };
}

const COUNTS = ['sent', 'queued', 'waiting', 'skipped', 'failed'] as const;

/** One mailing: its progress while it runs, pause / resume / cancel, and its recipients with their state. */
export function MailingView({ id }: { id: number }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const live = useMailingLive(() => load(id), [id], `mailing-${id}`, id);
  const [busy, setBusy] = useState(false);
  const shown = live.data !== null;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  const back = (
    <button type="button" className="button crmw-back" onClick={showMailings} data-testid="mailing-back">
      <Icon name="chevron" className="crmw-back-icon" />
      {t('mailings.section')}
    </button>
  );
  if (!live.data) {
    return (
      <article className="crmw-record" data-testid="mailing-view">
        <header className="crmw-record-header">{back}</header>
        <EmptyState text={t(live.error ? 'crm.record.missing' : 'crm.loading')} />
      </article>
    );
  }

  const { mailing, recipients, accountName } = live.data;
  const counts: Record<(typeof COUNTS)[number], number> = {
    sent: mailing.sent,
    queued: mailing.queued,
    waiting: mailing.total - mailing.sent - mailing.queued - mailing.skipped - mailing.failed,
    skipped: mailing.skipped,
    failed: mailing.failed,
  };

  async function act(work: () => Promise<Mailing>): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await work();
      live.reload();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  }
  const api = engine().client.api;
  const cancel = async () => {
    const ok = await confirmDialog({ title: t('mailings.cancelTitle'), body: t('mailings.cancelBody'), confirmLabel: t('mailings.cancelConfirm'), danger: true });
    if (ok) await act(() => api.mailings.cancel({ id }));
  };
  const unfinished = mailing.state === 'running' || mailing.state === 'paused';

  return (
    <article className="crmw-record mailing-view" data-testid="mailing-view" data-state={mailing.state}>
      <header className="crmw-record-header">
        {back}
        <div className="crmw-record-title">
          <span className="crmw-record-type">{t('mailings.section')}</span>
          <h1 ref={heading} tabIndex={-1} data-testid="mailing-title">
            {mailing.templateName}
          </h1>
        </div>
        <div className="crmw-record-actions">
          {mailing.state === 'running' ? (
            <button type="button" className="button" aria-disabled={busy} onClick={() => void act(() => api.mailings.pause({ id }))} data-testid="mailing-pause">
              {t('mailings.pause')}
            </button>
          ) : null}
          {mailing.state === 'paused' ? (
            <button type="button" className="button" aria-disabled={busy} onClick={() => void act(() => api.mailings.resume({ id }))} data-testid="mailing-resume">
              {t('mailings.resume')}
            </button>
          ) : null}
          {unfinished ? (
            <button type="button" className="button mailing-cancel" aria-disabled={busy} onClick={() => void cancel()} data-testid="mailing-cancel">
              {t('mailings.cancel')}
            </button>
          ) : null}
        </div>
      </header>
      <div className="mailing-summary">
        <p className="mailing-facts">{t('mailings.facts', { account: accountName, rate: mailing.perMinute, subject: mailing.subject || t('mailings.dialog.noSubject') })}</p>
        <div className="mailing-status" aria-live="polite">
          <span className={`mailing-state mailing-state-${mailing.state}`} data-testid="mailing-state">
            {t(STATE_KEYS[mailing.state])}
          </span>
          <MailingProgress mailing={mailing} />
        </div>
        <dl className="mailing-counts">
          {COUNTS.map((c) => (
            <div key={c} className="mailing-count" data-testid={`mailing-count-${c}`}>
              <dt>{t(`mailings.count.${c}`)}</dt>
              <dd>{counts[c]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <MailingRecipients recipients={recipients} total={mailing.total} cancelled={mailing.state === 'cancelled'} />
    </article>
  );
}
