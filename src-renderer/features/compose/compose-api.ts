import type { z } from 'zod';
import { ContractError, type composeCommands, type templatesCommands } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';

type Commands = typeof composeCommands & typeof templatesCommands;
export type ComposeCommand = keyof Commands;
export type ComposeInput<N extends ComposeCommand> = z.input<Commands[N]['input']>;
export type ComposeOutput<N extends ComposeCommand> = z.output<Commands[N]['output']>;

/**
 * The composer's commands, typed from the contract. They go through the transport by name rather than through
 * `client.api` because their domains are registered with the engine one by one as their handlers land; a domain
 * the engine does not know yet answers UNKNOWN_COMMAND, which the composer reports like any refusal.
 */
export async function composeCall<N extends ComposeCommand>(name: N, input: ComposeInput<N>): Promise<ComposeOutput<N>> {
  const result = await engine().transport.request(name, input);
  if (!result.ok) throw new ContractError(result.error);
  return result.value as ComposeOutput<N>;
}
