import { z } from 'zod';
import { Id } from './common.js';

export const RecordType = z.enum(['contact', 'company']);
export type RecordType = z.infer<typeof RecordType>;
/** Why a message is in a record's history: an address on it, a thread it answers, or someone's choice. */
export const LinkReason = z.enum(['address', 'thread', 'manual']);

export const MessageLink = z.object({ type: RecordType, id: Id, name: z.string(), reason: LinkReason });
export type MessageLink = z.infer<typeof MessageLink>;
