import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files, real processes and a real browser: generous timeouts, and files run in parallel
    // only as far as the machine's two cores allow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // A page updates through the engine and a WebSocket; on a loaded machine that can take more than a second.
    expect: { poll: { timeout: 5_000 } },
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
