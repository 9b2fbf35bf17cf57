import { z } from 'zod';
import { ContractErrorShape } from './errors.js';

/** What travels between a host and a client, on any transport (WebSocket, MessagePort). */
export const RequestFrame = z.object({
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(100),
  input: z.unknown(),
});
export type RequestFrame = z.infer<typeof RequestFrame>;

export const ResponseFrame = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: ContractErrorShape }),
]);
export type ResponseFrame = z.infer<typeof ResponseFrame>;

export const EventFrame = z.object({ event: z.string(), payload: z.unknown() });
export type EventFrame = z.infer<typeof EventFrame>;

export const ServerFrame = z.union([ResponseFrame, EventFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;
