import { MessageChannelMain, utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import { EngineToMain, type MainToEngine } from './engine-messages.js';
import { answerShellRequest, secretsKind, showNotification } from './shell-bridge.js';

export interface EngineHostOptions {
  /** The compiled engine-process.js. */
  modulePath: string;
  dataDir: string;
  /** better-sqlite3 built for Electron's ABI; the copy in node_modules is built for Node and cannot load here. */
  sqliteBinding: string | undefined;
  /** The engine came back after a crash: every window needs a new port, the old ones lead nowhere. */
  onRestart: () => void;
  /** The engine kept crashing. Resolve true to try again (the budget is reset), false to stop. */
  onGiveUp: (exitCode: number) => Promise<boolean>;
  onNotificationClick: () => void;
}

// A crash budget as in Mailspring's CrashTracker (app/src/flux/mailsync-bridge.ts; 5 in 5 minutes there): a worker
// that keeps dying is stopped and the user told, rather than restarted forever into the same failure.
export const CRASH_LIMIT = 3;
export const CRASH_WINDOW_MS = 60_000;
// Enough for SQLite to finish a transaction and checkpoint; after that the process is killed.
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Runs the engine in a utilityProcess (not child_process.fork: the RunAsNode fuse is off, see electron-builder.yml)
 * and keeps it running. Main holds no engine state; it introduces renderers to the engine with MessagePorts.
 */
export class EngineHost {
  private child: UtilityProcess | null = null;
  private crashes: number[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: EngineHostOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.options.modulePath, [], {
      serviceName: 'Facteur engine',
      stdio: 'inherit',
      env: {
        ...process.env,
        FACTEUR_DATA: this.options.dataDir,
        ...(this.options.sqliteBinding ? { FACTEUR_SQLITE_BINDING: this.options.sqliteBinding } : {}),
      },
    });
    this.child = child;
    // Messages posted before the process has spawned are queued, so the init reaches it before any port.
    child.postMessage({ type: 'init', secretsKind: secretsKind() } satisfies MainToEngine);
    child.on('message', (message: unknown) => void this.onMessage(child, message));
    child.on('exit', (code) => void this.onExit(child, code));
  }

  /** A fresh channel to the engine: one end goes to the engine now, the caller hands the other to a renderer. */
  connect(): MessagePortMain | null {
    if (!this.child || this.stopping) return null;
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'engine-port' } satisfies MainToEngine, [port1]);
    return port2;
  }

  /** Asks the engine to close its store, and kills it if it has not exited within the grace period. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      const child = this.child;
      if (!child) return resolve();
      const timer = setTimeout(() => child.kill(), SHUTDOWN_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ type: 'shutdown' } satisfies MainToEngine);
    });
    return this.stopping;
  }

  private async onMessage(child: UtilityProcess, raw: unknown): Promise<void> {
    const parsed = EngineToMain.safeParse(raw);
    if (!parsed.success) {
      console.error('Facteur: ignored a malformed message from the engine process.');
      return;
    }
    const message = parsed.data;
    if (message.type === 'notify') {
      showNotification(message.title, message.body, { onNotificationClick: this.options.onNotificationClick });
      return;
    }
    const reply = await answerShellRequest(message);
    // The process that asked may have died meanwhile; its successor never asked this question.
    if (child === this.child) child.postMessage(reply satisfies MainToEngine);
  }

  private async onExit(child: UtilityProcess, code: number): Promise<void> {
    if (child !== this.child) return;
    this.child = null;
    if (this.stopping) return;
    console.error(`Facteur: the engine process exited unexpectedly (code ${code}).`);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (this.crashes.length >= CRASH_LIMIT) {
      if (!(await this.options.onGiveUp(code)) || this.stopping) return;
      this.crashes = [];
    }
    this.start();
    this.options.onRestart();
  }
}
