import { defineConfig } from 'drizzle-kit';

// Run from the repository root: `npm run db:generate -- --name what_changed`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/engine/store/schema.ts',
  out: './migrations',
});
