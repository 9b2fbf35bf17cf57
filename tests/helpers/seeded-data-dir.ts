import { openTestEngine, type TestEngine } from './engine.js';
import { tempDir } from './temp.js';

/** A data folder seeded through an engine of its own, closed again so an app can start on it. */
export async function seededDataDir(seed: (t: TestEngine) => Promise<void>): Promise<string> {
  const dataDir = tempDir();
  const engine = await openTestEngine(dataDir);
  await seed(engine);
  await engine.engine.close();
  return dataDir;
}
