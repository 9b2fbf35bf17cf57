import { z } from 'zod';
import { Id, Locale } from './common.js';
import { command } from './define.js';

export const Agent = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  locale: Locale.nullable(),
  isDefault: z.boolean(),
});
export type Agent = z.infer<typeof Agent>;

const name = z.string().trim().min(1).max(200);
const email = z.email().max(320);

export const agentsCommands = {
  'agents.list': command(z.object({}), z.object({ items: z.array(Agent) })),
  'agents.current': command(z.object({}), Agent),
  'agents.create': command(z.object({ name, email: email.nullable().default(null) }), Agent),
  'agents.update': command(
    z.object({ id: Id, name: name.optional(), email: email.nullable().optional(), locale: Locale.nullable().optional() }),
    Agent,
  ),
};
