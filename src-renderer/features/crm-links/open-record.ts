import { RecordRef } from '../../../src-shared/contract/index.js';
import { openRecord } from '../../stores/crm-nav-store.js';
import { messageWindowTarget } from '../reader/message-window.js';

/*
 * A record opens in the mailbox window, where the CRM workspace lives. A message window has no workspace, so it asks
 * the mailbox window over a channel every page of our origin shares (the browser's tabs and Electron's windows alike).
 */
const CHANNEL = 'facteur.open-record';

const inMessageWindow = () => messageWindowTarget() !== null;

export function openLinkedRecord(record: RecordRef): void {
  if (!inMessageWindow()) {
    openRecord(record);
    return;
  }
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: record.type, id: record.id } satisfies RecordRef);
  channel.close();
  // The mailbox window is this window's opener when it opened it; bringing it forward is all a page may do.
  (window.opener as Window | null)?.focus();
}

let listening = false;

/**
 * The mailbox window's side: opens what a message window asks for (checked: any page of the origin may post).
 * Started with the app rather than when a panel mounts: the mailbox window may show no message when a message
 * window asks.
 */
export function acceptRecordRequests(): void {
  if (listening || inMessageWindow() || typeof BroadcastChannel === 'undefined') return;
  listening = true;
  new BroadcastChannel(CHANNEL).onmessage = (event: MessageEvent<unknown>) => {
    const asked = RecordRef.safeParse(event.data);
    if (asked.success) openRecord(asked.data);
  };
}
