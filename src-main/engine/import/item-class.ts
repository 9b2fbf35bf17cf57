import type { NonMailCounts } from './source.js';

export type ItemKind = 'mail' | keyof NonMailCounts;

/**
 * What an Outlook item is, from its message class (PR_MESSAGE_CLASS, [MS-OXCMSG] 2.2.1.3; classes compare without
 * case). Mail includes posts, meeting requests and responses (they travel as mail and sit in mail folders) and every
 * report (delivery, non-delivery, read receipts). Distribution lists, journal entries and the like are "other".
 */
export function itemKind(messageClass: string): ItemKind {
  const c = messageClass.toLowerCase();
  const is = (prefix: string) => c === prefix || c.startsWith(`${prefix}.`);
  if (c === '' || c === 'ipm' || is('ipm.note') || is('ipm.post') || is('ipm.schedule.meeting') || c.startsWith('report.')) {
    return 'mail';
  }
  if (is('ipm.contact')) return 'contacts';
  if (is('ipm.appointment') || c.startsWith('ipm.ole.class.{00061055-0000-0000-c000-000000000046}')) return 'appointments';
  if (is('ipm.task') || is('ipm.taskrequest')) return 'tasks';
  if (is('ipm.stickynote')) return 'notes';
  return 'other';
}
