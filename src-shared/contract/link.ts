import { z } from 'zod';
import { Id } from './common.js';

/** Every kind of CRM record an email can be filed under, and that can appear in another record's timeline. */
export const RecordType = z.enum(['contact', 'company', 'lead', 'deal', 'ticket', 'task', 'event']);
export type RecordType = z.infer<typeof RecordType>;
/** Why a message is in a record's history: an address on it, a thread it answers, or someone's choice. */
export const LinkReason = z.enum(['address', 'thread', 'manual']);
export type LinkReason = z.infer<typeof LinkReason>;

export const MessageLink = z.object({ type: RecordType, id: Id, name: z.string(), reason: LinkReason });
export type MessageLink = z.infer<typeof MessageLink>;

export const RecordRef = z.object({ type: RecordType, id: Id });
export type RecordRef = z.infer<typeof RecordRef>;
/** A record named for display: "Ana Pop", "ACME SRL", "#12 Invoice missing", a task's title. */
export const NamedRecord = RecordRef.extend({ name: z.string() });
export type NamedRecord = z.infer<typeof NamedRecord>;
