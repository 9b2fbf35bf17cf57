import type { RecordRef, RecordType } from '../../../src-shared/contract/index.js';
import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import { engine } from '../../api/engine.js';
import type { RecordMap } from './record-types.js';

/** One typed door per verb every record kind has, so pages and lists need not switch on the kind themselves. */
type Verb = 'get' | 'delete' | 'restore';

function call<T extends RecordType>(verb: Verb, type: T, id: number): Promise<RecordMap[T]> {
  const api = engine().client.api;
  const input = { id };
  const kind: RecordType = type;
  switch (kind) {
    case 'contact':
      return api.contacts[verb](input) as Promise<RecordMap[T]>;
    case 'company':
      return api.companies[verb](input) as Promise<RecordMap[T]>;
    case 'lead':
      return api.leads[verb](input) as Promise<RecordMap[T]>;
    case 'deal':
      return api.deals[verb](input) as Promise<RecordMap[T]>;
    case 'ticket':
      return api.tickets[verb](input) as Promise<RecordMap[T]>;
    case 'task':
      return api.tasks[verb](input) as Promise<RecordMap[T]>;
    case 'event':
      return api.events[verb](input) as Promise<RecordMap[T]>;
    default:
      return missingCase(kind);
  }
}

export const getRecord = <T extends RecordType>(ref: { type: T; id: number }) => call('get', ref.type, ref.id);
export const deleteRecord = (ref: RecordRef) => call('delete', ref.type, ref.id);
export const restoreRecord = (ref: RecordRef) => call('restore', ref.type, ref.id);
