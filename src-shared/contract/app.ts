import { z } from 'zod';
import { command } from './define.js';

export const HostKind = z.enum(['electron', 'web', 'cli']);

export const appCommands = {
  'app.info': command(
    z.object({}),
    z.object({
      name: z.string(),
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      host: HostKind,
    }),
  ),
};
