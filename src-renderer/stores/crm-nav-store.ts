import { create } from 'zustand';
import type { RecordRef, RecordType } from '../../src-shared/contract/index.js';

/**
 * The list the CRM workspace shows: one kind of record, the notes addressed to the agent, or the addresses several
 * contacts share that wait for someone to say which contact they are, or the group mailings sent.
 */
export type CrmSection = RecordType | 'notes' | 'shared-addresses' | 'mailings';

interface CrmNav {
  /** The window shows the mailbox or the CRM workspace; both stay mounted state-wise, so going back keeps the place. */
  workspace: 'mail' | 'crm';
  section: CrmSection;
  /** The record whose page is open, or null for the section's list. */
  record: RecordRef | null;
}

export const useCrmNav = create<CrmNav>(() => ({ workspace: 'mail', section: 'contact', record: null }));

/** Opens a record's page (from a link in the reader, a timeline, a list). */
export function openRecord(record: RecordRef): void {
  useCrmNav.setState({ workspace: 'crm', section: record.type, record });
}

export function showSection(section: CrmSection): void {
  useCrmNav.setState({ workspace: 'crm', section, record: null });
}

export function showMail(): void {
  useCrmNav.setState({ workspace: 'mail' });
}
