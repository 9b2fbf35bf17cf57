import { createClient, type Client } from '../../src-shared/contract/client.js';
import { startEngine, type Engine } from '../../src-main/engine/engine.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { tempDir } from './temp.js';

export interface TestEngine {
  engine: Engine;
  client: Client;
  api: Client['api'];
  dataDir: string;
}

/** A real engine on a real SQLite file in a temp data folder, acting as its default agent. */
export async function openTestEngine(dataDir = tempDir(), options: { background?: boolean } = {}): Promise<TestEngine> {
  const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined), background: options.background ?? false });
  const client = createClient(engine.transport());
  return { engine, client, api: client.api, dataDir };
}
