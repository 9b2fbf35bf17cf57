import { benchIngest } from './ingest.js';
import { benchSync } from './sync.js';
import { benchSearch } from './search.js';
import { benchUi } from './ui.js';
import { benchForum } from './forum.js';
import { benchImport } from './import.js';
import { benchLink } from './link.js';
import { benchPst } from './pst-source.js';

/** `npm run bench -- NAME`: each benchmark prints its figures and ratios against a baseline measured in the same run. */
const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  ingest: benchIngest,
  sync: benchSync,
  search: benchSearch,
  ui: benchUi,
  forum: benchForum,
  import: benchImport,
  link: benchLink,
  pst: benchPst,
};

const [name = 'ingest', ...args] = process.argv.slice(2);
const bench = BENCHES[name];
if (!bench) {
  process.stderr.write(`Unknown benchmark "${name}". Available: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
await bench(args);
