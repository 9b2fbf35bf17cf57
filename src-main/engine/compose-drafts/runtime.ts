import type { ServiceDeps } from '../services/handler.js';
import { Drafts } from './drafts.js';
import { ScheduledSending } from './scheduled-sending.js';
import { SignaturesRepo } from './signatures-repo.js';

export interface DraftsRuntime {
  drafts: Drafts;
  signatures: SignaturesRepo;
  scheduled: ScheduledSending;
}

/**
 * One set per engine, found from the engine's service deps: the compose service deletes a sent draft through the
 * same coalescing copies the drafts service schedules, and the engine starts and closes them.
 */
const runtimes = new WeakMap<ServiceDeps, DraftsRuntime>();

export function draftsRuntime(deps: ServiceDeps): DraftsRuntime {
  let runtime = runtimes.get(deps);
  if (!runtime) {
    runtime = { drafts: new Drafts(deps), signatures: new SignaturesRepo(deps.store.sqlite), scheduled: new ScheduledSending(deps) };
    runtimes.set(deps, runtime);
  }
  return runtime;
}
