import { forbidden } from '../errors.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

export function agentsService(deps: ServiceDeps): DomainHandlers<'agents'> {
  return {
    'agents.list': () => ({ items: deps.agents.list() }),
    'agents.current': (_input, ctx) => deps.agents.get(ctx.agentId),
    'agents.create': (input) => {
      const agent = deps.agents.create({ name: input.name, email: input.email });
      deps.events.changed('agents', [agent.id]);
      return agent;
    },
    'agents.update': (input, ctx) => {
      // Until roles exist, an agent edits only its own profile (name, address, language).
      if (input.id !== ctx.agentId) throw forbidden("change another agent's profile");
      const agent = deps.agents.update(input.id, input);
      deps.events.changed('agents', [agent.id]);
      return agent;
    },
  };
}
