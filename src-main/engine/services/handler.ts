import type { HostKind } from '../../../src-shared/contract/app.js';
import type { CommandName, Output, ParsedInput } from '../../../src-shared/contract/index.js';
import type { z } from 'zod';
import type { BlobStore } from '../blobs/blob-store.js';
import type { DataLayout } from '../data-dir.js';
import type { EventBus } from '../events.js';
import type { Shell } from '../shell.js';
import type { LocalChanges } from '../sync/local-changes.js';
import type { FolderChanges } from '../sync/folder-changes.js';
import type { CredentialStore } from '../sync/credentials.js';
import type { SyncSupervisor } from '../sync/supervisor.js';
import type { AccountsRepo } from '../store/accounts-repo.js';
import type { AgentsRepo } from '../store/agents-repo.js';
import type { TasksRepo } from '../store/tasks-repo.js';
import type { OutboxRepo } from '../store/outbox-repo.js';
import type { FoldersRepo } from '../store/folders-repo.js';
import type { MessagesRepo } from '../store/messages-repo.js';
import type { Store } from '../store/open.js';
import type { ImportRunner } from '../import/import-runner.js';
import type { ParsePool } from '../mail/parse-pool.js';
import type { Access } from './access.js';

/** Every call runs as an agent; services check what that agent may see and do. */
export interface CallContext {
  agentId: number;
}

export type Handler<N extends CommandName> = (input: ParsedInput<N>, ctx: CallContext) => Output<N> | Promise<Output<N>>;

/** The handlers of one domain: `DomainHandlers<'messages'>` must implement every `messages.*` command. */
export type DomainHandlers<D extends string> = { [N in CommandName as N extends `${D}.${string}` ? N : never]: Handler<N> };

export type Handlers = { [N in CommandName]: Handler<N> };

export interface ServiceDeps {
  store: Store;
  blobs: BlobStore;
  events: EventBus;
  shell: Shell;
  layout: DataLayout;
  host: z.infer<typeof HostKind>;
  access: Access;
  agents: AgentsRepo;
  folders: FoldersRepo;
  messages: MessagesRepo;
  accounts: AccountsRepo;
  tasks: TasksRepo;
  outbox: OutboxRepo;
  changes: LocalChanges;
  folderChanges: FolderChanges;
  credentials: CredentialStore;
  /** The exact raw source of a stored message. */
  sourceOf: (messageId: number) => Buffer;
  sync: SyncSupervisor;
  imports: ImportRunner;
  /** Worker threads for parsing: a big message stored by a service (a draft's copy) is parsed off the event loop. */
  pool?: ParsePool;
}
