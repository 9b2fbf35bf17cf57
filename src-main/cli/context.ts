import { createClient, type Client } from '../../src-shared/contract/client.js';
import { defaultDataDir } from '../engine/data-dir.js';
import { startEngine, type Engine } from '../engine/engine.js';
import { nodeShell } from '../hosts/node/shell.js';
import { UsageError } from './output.js';

export interface Options {
  data?: string | undefined;
  json?: boolean | undefined;
  raw?: boolean | undefined;
  folder?: string | undefined;
  limit?: string | undefined;
  out?: string | undefined;
  port?: string | undefined;
  open?: boolean | undefined;
  once?: boolean | undefined;
  account?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
  incoming?: string | undefined;
  inHost?: string | undefined;
  inPort?: string | undefined;
  inSecurity?: string | undefined;
  outHost?: string | undefined;
  outPort?: string | undefined;
  outSecurity?: string | undefined;
  user?: string | undefined;
  passwordEnv?: string | undefined;
  caFile?: string | undefined;
  agents?: string | undefined;
  public?: boolean | undefined;
  message?: string | undefined;
  field?: string | undefined;
  into?: string | undefined;
  first?: string | undefined;
  last?: string | undefined;
  email2?: string | undefined;
  map?: string | undefined;
  dryRun?: boolean | undefined;
  existing?: string | undefined;
  encoding?: string | undefined;
  bodyFile?: string | undefined;
  subject?: string | undefined;
  requester?: string | undefined;
  queue?: string | undefined;
  assignee?: string | undefined;
  status?: string | undefined;
  title?: string | undefined;
  category?: string | undefined;
  due?: string | undefined;
  ticket?: string | undefined;
  task?: string | undefined;
  lead?: string | undefined;
  deal?: string | undefined;
  event?: string | undefined;
  company?: string | undefined;
  contact?: string | undefined;
  format?: string | undefined;
  noSubfolders?: boolean | undefined;
  to?: string | undefined;
  cc?: string | undefined;
  bcc?: string | undefined;
  textFile?: string | undefined;
  attach?: string[] | undefined;
  template?: string | undefined;
  forContact?: string | undefined;
  readReceipt?: boolean | undefined;
  private?: boolean | undefined;
  sendAt?: string | undefined;
}

export interface CliContext {
  args: string[];
  options: Options;
  dataDir: string;
  /** Opens the engine (migrating the store if needed) and a typed client acting as the default agent. */
  /** `background`: keep accounts in step while the command runs (serve, start). */
  open(options?: { background?: boolean }): Promise<{ engine: Engine; client: Client }>;
}

export function makeContext(args: string[], options: Options): CliContext {
  const dataDir = options.data ?? defaultDataDir();
  return {
    args,
    options,
    dataDir,
    open: async (openOptions = {}) => {
      // Notifications from the engine must not mix with --json output.
      const engine = await startEngine({
        dataDir,
        host: 'cli',
        shell: nodeShell(dataDir, (l) => process.stderr.write(`${l}\n`)),
        background: openOptions.background ?? false,
      });
      return { engine, client: createClient(engine.transport()) };
    },
  };
}

export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, not "${value}".`);
  return Number(value);
}

export function idArgument(value: string | undefined, what: string): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`Give the ${what} as a number (e.g. 42).`);
  return Number(value);
}
