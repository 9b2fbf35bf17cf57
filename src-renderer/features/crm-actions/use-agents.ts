import { useEffect, useState } from 'react';
import type { Agent } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useAgent } from '../../stores/agent-store.js';
import { reportError } from '../../stores/error-store.js';

/** The office's agents, for assignees and addressees; `colleagues` leaves out the one using the app. */
export function useAgents(): { agents: Agent[]; colleagues: Agent[]; me: Agent | null } {
  const me = useAgent((s) => s.agent);
  const [agents, setAgents] = useState<Agent[]>([]);
  useEffect(() => {
    let current = true;
    engine()
      .client.api.agents.list()
      .then(({ items }) => current && setAgents(items))
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
    };
  }, []);
  return { agents, colleagues: agents.filter((a) => a.id !== me?.id), me };
}
