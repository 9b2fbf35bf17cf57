import { z } from 'zod';
import { command } from './define.js';

/**
 * Remote content (images, style sheets, fonts fetched from the web) in a message can track its reader, so it stays
 * blocked until the agent allows it — for one message in the window, or always for a sender, which is kept here.
 */
export const sendersCommands = {
  'senders.remoteContent': command(
    z.object({ address: z.string().min(3).max(320) }),
    z.object({ address: z.string(), allowed: z.boolean() }),
  ),
  'senders.setRemoteContent': command(
    z.object({ address: z.string().min(3).max(320), allowed: z.boolean() }),
    z.object({ address: z.string(), allowed: z.boolean() }),
  ),
};
