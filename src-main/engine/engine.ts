import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import type { Transport } from '../../src-shared/contract/client.js';
import type { HostKind } from '../../src-shared/contract/app.js';
import { commands, isCommandName, type CommandName, type Result } from '../../src-shared/contract/index.js';
import { findAppFile } from './app-files.js';
import { BlobStore } from './blobs/blob-store.js';
import { sweepBlobs } from './blobs/sweeper.js';
import { dataLayout, type DataLayout } from './data-dir.js';
import { EngineError } from './errors.js';
import { EventBus, type EventListener } from './events.js';
import { Access } from './services/access.js';
import { agentsService } from './services/agents-service.js';
import { appService } from './services/app-service.js';
import { attachmentsService } from './services/attachments-service.js';
import { foldersService } from './services/folders-service.js';
import type { CallContext, Handler, Handlers, ServiceDeps } from './services/handler.js';
import { messagesService } from './services/messages-service.js';
import { storeService } from './services/store-service.js';
import { threadsService } from './services/threads-service.js';
import { accountsService } from './services/accounts-service.js';
import { commitPrepared, ingestMessage, prepareMessage } from './mail/ingest.js';
import { ParsePool } from './mail/parse-pool.js';
import { ImportRunner } from './import/import-runner.js';
import { importsService } from './services/imports-service.js';
import { crmService } from './services/crm-service.js';
import { contactsImportService } from './services/contacts-import-service.js';
import { recordsService } from './services/records-service.js';
import { documentsService } from './services/documents-service.js';
import { reconstructSource } from './mail/source.js';
import { LocalChanges } from './sync/local-changes.js';
import { FolderChanges } from './sync/folder-changes.js';
import { CredentialStore, type OAuthProviders } from './sync/credentials.js';
import { SyncSupervisor } from './sync/supervisor.js';
import { connectImap, type SyncDeps } from './sync/account-sync.js';
import { ImapConnections } from './sync/imap/connections.js';
import { AccountsRepo } from './store/accounts-repo.js';
import { TasksRepo } from './store/tasks-repo.js';
import { OutboxRepo } from './store/outbox-repo.js';
import { Pop3Repo } from './store/pop3-repo.js';
import { outboxService } from './services/outbox-service.js';
import { composeService } from './services/compose-service.js';
import { closeDrafts, draftsHandlers, startDrafts } from './services/drafts-service.js';
import { receiptsService } from './services/receipts-service.js';
import { sendersService } from './services/senders-service.js';
import { categoriesService } from './services/categories-service.js';
import { templatesService } from './services/templates-service.js';
import { mailingsService } from './services/mailings-service.js';
import { MailingScheduler } from './mailings/scheduler.js';
import type { Clock } from './mailings/clock.js';
import type { Shell } from './shell.js';
import { AgentsRepo } from './store/agents-repo.js';
import { FoldersRepo } from './store/folders-repo.js';
import { MessagesRepo } from './store/messages-repo.js';
import { openStore } from './store/open.js';

export type { Shell } from './shell.js';
export type { CallContext } from './services/handler.js';

export interface EngineOptions {
  dataDir: string;
  host: z.infer<typeof HostKind>;
  shell: Shell;
  /** A better-sqlite3 binary built for Electron's ABI, when the engine runs inside Electron. */
  nativeBinding?: string | undefined;
  /** Keep accounts in step in the background (IDLE, refresh intervals); off for one-shot CLI commands. */
  background?: boolean;
  /** OAuth2 providers other than resources/oauth-providers.json's (a company's own, or a test server). */
  oauthProviders?: OAuthProviders;
  /** The clock group mailings are throttled by; tests move one by hand. */
  clock?: Clock;
}

export interface Engine {
  readonly layout: DataLayout;
  readonly schemaVersion: number;
  readonly defaultAgentId: number;
  /** The engine's door: unknown commands are refused and inputs parsed before any handler runs. */
  handle(ctx: CallContext, command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** An in-process transport for the typed client (CLI, tests). */
  transport(agentId?: number): Transport;
  /** Removes blob files no row names (older than the grace period). */
  sweep(graceMs?: number): { removed: number; kept: number };
  /** Stops sync (waiting for passes in flight) and closes the store. */
  close(): Promise<void>;
}

/** The composition root: opens the data folder, migrates the store, wires the services. Plain Node, no Electron. */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const layout = dataLayout(options.dataDir);
  mkdirSync(layout.root, { recursive: true, mode: 0o700 });
  const store = await openStore({
    file: layout.database,
    migrationsFolder: findAppFile('migrations'),
    backupsDir: layout.backups,
    nativeBinding: options.nativeBinding,
  });
  const blobs = new BlobStore(layout.blobs);
  const events = new EventBus();
  const agents = new AgentsRepo(store.db);
  const folders = new FoldersRepo(store.sqlite);
  const messages = new MessagesRepo(store.sqlite);
  const accounts = new AccountsRepo(store.sqlite);
  const tasks = new TasksRepo(store.sqlite);
  const outbox = new OutboxRepo(store.sqlite);
  const changes = new LocalChanges(store.sqlite, messages, folders, tasks);
  folders.ensureLocalFolders();
  // A send cut short by a crash is neither sent nor failed: the user is asked, nothing is resent blindly.
  outbox.interruptedToUnknown();
  const sourceOf = (id: number) => {
    const row = messages.get(id);
    return reconstructSource(row.source_format, row.source ?? blobs.read(row.source_blob!), (sha) => blobs.read(sha));
  };
  const pool = new ParsePool();
  const ingestDeps = { sqlite: store.sqlite, blobs, messages, pool, events };
  const credentials = new CredentialStore(accounts, options.shell, options.oauthProviders);
  const syncDeps: SyncDeps = {
    credentials,
    accounts,
    folders,
    messages,
    tasks,
    secrets: options.shell.secrets,
    events,
    sqlite: store.sqlite,
    ingest: (raw, target) => ingestMessage(ingestDeps, raw, target),
    prepare: (raw, target) => prepareMessage(ingestDeps, raw, target),
    commit: (batch) => commitPrepared(ingestDeps, batch),
    sourceOf,
    outbox,
    changes,
    pop3: new Pop3Repo(store.sqlite),
    connections: new ImapConnections((accountId) => connectImap(syncDeps, accountId)),
  };
  const sync = new SyncSupervisor(syncDeps);
  const imports = new ImportRunner({ sqlite: store.sqlite, folders, ingest: ingestDeps, events });
  const defaultAgent = agents.ensureDefault('Facteur');

  const deps: ServiceDeps = {
    store,
    blobs,
    events,
    shell: options.shell,
    layout,
    host: options.host,
    access: new Access(store.sqlite, folders),
    agents,
    folders,
    messages,
    accounts,
    tasks,
    outbox,
    changes,
    folderChanges: new FolderChanges(store.sqlite, folders, tasks),
    credentials,
    sourceOf,
    sync,
    imports,
    pool,
  };
  const mailings = new MailingScheduler(deps, options.clock);
  const handlers: Handlers = {
    ...appService(deps),
    ...agentsService(deps),
    ...foldersService(deps),
    ...messagesService(deps),
    ...attachmentsService(deps),
    ...storeService(deps),
    ...accountsService(deps),
    ...outboxService(deps),
    ...composeService(deps),
    ...draftsHandlers(deps),
    ...sendersService(deps),
    ...categoriesService(deps),
    ...threadsService(deps),
    ...importsService(deps),
    ...crmService(deps),
    ...contactsImportService(deps),
    ...recordsService(deps),
    ...documentsService(deps),
    ...templatesService(deps),
    ...mailingsService(deps, mailings),
    ...receiptsService(deps),
  };

  async function handle(ctx: CallContext, command: string, input: unknown): Promise<Result<unknown>> {
    if (!isCommandName(command)) {
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `"${command}" is not a Facteur command.` } };
    }
    const parsed = commands[command].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: z.prettifyError(parsed.error), details: parsed.error.issues } };
    }
    try {
      if (!agents.exists(ctx.agentId)) throw new EngineError('FORBIDDEN', `Agent ${ctx.agentId} does not exist; choose an agent again.`);
      const handler = handlers[command] as Handler<CommandName>;
      return { ok: true, value: await handler(parsed.data as never, ctx) };
    } catch (error) {
      if (error instanceof EngineError) return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      console.error(`Facteur engine: ${command} failed:`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Facteur hit an unexpected error running ${command}: ${(error as Error).message}` } };
    }
  }

  if (options.background) {
    sync.startBackground();
    mailings.start();
    // The Outbox goes out when due (scheduled mail on time, mail due while Facteur was closed now); stale Drafts copies
    // are written again.
    startDrafts(deps);
    // The app picks up imports a crash (left "running") or a quit interrupted. One-shot commands leave job states
    // alone: another process (the app) may be running that job right now; "facteur import" resumes its own.
    imports.repo.markInterrupted();
    for (const job of imports.repo.all()) if (job.state === 'interrupted') void imports.run(job.id);
  }

  return {
    layout,
    schemaVersion: store.schemaVersion,
    defaultAgentId: defaultAgent.id,
    handle,
    subscribe: (listener) => events.subscribe(listener),
    transport: (agentId = defaultAgent.id) => ({
      request: (command, input) => handle({ agentId }, command, input),
      subscribe: (listener) => events.subscribe((event, payload) => listener(event, payload)),
    }),
    sweep: (graceMs) => sweepBlobs(store.sqlite, blobs, graceMs),
    close: async () => {
      await mailings.stop();
      await closeDrafts(deps);
      await sync.stop();
      await imports.stop();
      await pool.close();
      events.flush();
      store.close();
    },
  };
}
