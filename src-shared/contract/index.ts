import type { z } from 'zod';
import { accountsCommands, accountsEvents } from './accounts.js';
import { agentsCommands } from './agents.js';
import { appCommands } from './app.js';
import { attachmentsCommands } from './attachments.js';
import { categoriesCommands } from './categories.js';
import { composeCommands } from './compose.js';
import { contactsImportCommands } from './contacts-import.js';
import { documentsCommands } from './documents.js';
import { crmCommands } from './crm.js';
import { foldersCommands } from './folders.js';
import { importsCommands, importsEvents } from './imports.js';
import { mailingsCommands, mailingsEvents } from './mailings.js';
import { messagesCommands } from './messages.js';
import { outboxCommands, outboxEvents } from './outbox.js';
import { receiptsCommands } from './receipts.js';
import { recordsCommands } from './records.js';
import { sendersCommands } from './senders.js';
import { storeCommands, storeEvents } from './store.js';
import { threadsCommands } from './threads.js';
import { templatesCommands } from './templates.js';

/**
 * The one list of commands and events. To add a command, add it to its domain's object; a new domain is spread
 * in here once. Engine handlers, the typed client and the hosts' name checks all derive from these two objects.
 */
export const commands = {
  ...appCommands,
  ...agentsCommands,
  ...accountsCommands,
  ...foldersCommands,
  ...importsCommands,
  ...messagesCommands,
  ...attachmentsCommands,
  ...categoriesCommands,
  ...crmCommands,
  ...documentsCommands,
  ...contactsImportCommands,
  ...recordsCommands,
  ...outboxCommands,
  ...composeCommands,
  ...sendersCommands,
  ...storeCommands,
  ...threadsCommands,
  ...templatesCommands,
  ...mailingsCommands,
  ...receiptsCommands,
} as const;

export const events = {
  ...storeEvents,
  ...outboxEvents,
  ...accountsEvents,
  ...importsEvents,
  ...mailingsEvents,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type EventName = keyof typeof events;
/** What a caller may pass (defaults not yet applied). */
export type Input<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a handler receives (defaults applied, parsed). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type Output<N extends CommandName> = z.output<Commands[N]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

export * from './errors.js';
export * from './wire.js';
export * from './common.js';
export * from './accounts.js';
export * from './agents.js';
export * from './app.js';
export * from './attachments.js';
export * from './folders.js';
export * from './imports.js';
export * from './messages.js';
export * from './categories.js';
export * from './crm.js';
export * from './documents.js';
export * from './contacts-import.js';
export * from './link.js';
export * from './outbox.js';
export * from './records.js';
export * from './senders.js';
export * from './store.js';
export * from './threads.js';
export * from './compose.js';
export * from './templates.js';
export * from './mailings.js';
export * from './receipts.js';
