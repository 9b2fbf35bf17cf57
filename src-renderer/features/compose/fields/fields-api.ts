import type { z } from 'zod';
import { ContractError, composeCommands } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';

/*
 * The two compose commands these fields call. Until the compose domain is spread into the contract's `commands`
 * (its engineer does that with the handlers), the typed client has no `api.compose`, so the calls go through the
 * transport typed by the same zod objects.
 * TODO(issue 7): once `...composeCommands` is registered, call engine().client.api.compose.upload / .recipients.suggest
 * and remove this file.
 */
type Spec = typeof composeCommands;
type In<N extends keyof Spec> = z.input<Spec[N]['input']>;
type Out<N extends keyof Spec> = z.output<Spec[N]['output']>;

async function call<N extends 'compose.upload' | 'recipients.suggest'>(name: N, input: In<N>): Promise<Out<N>> {
  const result = await engine().transport.request(name, input);
  if (!result.ok) throw new ContractError(result.error);
  return result.value as Out<N>;
}

export const uploadFile = (input: In<'compose.upload'>) => call('compose.upload', input);
export const suggestRecipients = (input: In<'recipients.suggest'>) => call('recipients.suggest', input);
