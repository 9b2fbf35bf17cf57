// @ts-check
// ESLint looks for its configuration at the repository root, so this one tooling file lives beside the product's
// folders. Besides typescript-eslint's recommended rules it enforces the layering of ARCHITECTURE.md: the
// import rules below are the boundaries between runtimes, tested in tests/unit/layering.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Package names as anchored regexes: gitignore-style groups would also match our own folders (e.g. "domain"). */
const pkg = (/** @type {string[]} */ ...names) => `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/.*)?$`;
const nodeBuiltins = `^node:|${pkg(...builtinModules)}`;

/** @param {string} message @param {string} regex */
const forbid = (message, regex) => ({ regex, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', '.facteur-dev/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src-main/cli/launch.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid('src-shared is pure TypeScript: no Node modules.', nodeBuiltins),
          forbid('src-shared imports nothing of the runtimes (src-main, src-renderer).', '(^|/)(src-main|src-renderer)(/|$)'),
          forbid('src-shared imports no Electron, React or database code.', pkg('electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm')),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src-main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid('The engine is plain Node: it never imports Electron (hosts depend on the engine, never the reverse).', pkg('electron')),
          forbid('The engine never imports a host.', '(^|/)(hosts|cli)(/|$)'),
          forbid('The engine never imports the renderer.', `(^|/)src-renderer(/|$)|${pkg('react', 'react-dom')}`),
        ],
      }],
    },
  },
  {
    files: ['src-main/cli/**/*.ts', 'src-main/hosts/web/**/*.ts', 'src-main/hosts/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid('Only the Electron shell imports Electron; the CLI and web host run under plain Node.', pkg('electron')),
          forbid('Hosts never import the renderer.', '(^|/)src-renderer(/|$)'),
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          forbid('The renderer talks to the engine only through the contract (src-shared), never src-main.', '(^|/)src-main(/|$)'),
          forbid('The renderer is a sandboxed web page: no Node modules, no Electron, no database.', `${nodeBuiltins}|${pkg('electron', 'better-sqlite3', 'drizzle-orm')}`),
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);
