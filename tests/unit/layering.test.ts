import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a one-line file as if it lived at `path`, returning the layering violations found. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering rule (ARCHITECTURE.md)', () => {
  it.each([
    ['src-shared/domain/bad.ts', "import x from 'node:fs';", /no Node modules/],
    ['src-shared/domain/bad.ts', "import x from 'path';", /no Node modules/],
    ['src-shared/contract/bad.ts', "import x from '../../src-main/engine/engine.js';", /nothing of the runtimes/],
    ['src-shared/contract/bad.ts', "import x from 'electron';", /no Electron/],
    ['src-main/engine/store/bad.ts', "import x from 'electron';", /never imports Electron/],
    ['src-main/engine/bad.ts', "import x from '../hosts/web/server.js';", /never imports a host/],
    ['src-main/cli/bad.ts', "import x from 'electron';", /Only the Electron shell/],
    ['src-renderer/features/bad.ts', "import x from '../../src-main/engine/engine.js';", /only through the contract/],
    ['src-renderer/features/bad.ts', "import x from 'node:path';", /sandboxed web page/],
  ])('refuses %s importing %s', async (path, code, message) => {
    const found = await violations(path, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['src-shared/contract/ok.ts', "import x from '../domain/folder-kinds.js';"],
    ['src-shared/contract/ok.ts', "import x from 'zod';"],
    ['src-main/engine/ok.ts', "import x from 'node:fs';"],
    ['src-main/hosts/electron/ok.ts', "import x from 'electron';"],
    ['src-main/cli/ok.ts', "import x from '../hosts/electron/launch.js';"],
    ['src-renderer/features/ok.ts', "import x from '../../src-shared/contract/index.js';"],
  ])('allows %s importing %s', async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });
});
