import { asc, eq } from 'drizzle-orm';
import type { Agent, Locale } from '../../../src-shared/contract/index.js';
import { notFound } from '../errors.js';
import type { Db } from './open.js';
import { agents } from './schema.js';

type AgentRow = typeof agents.$inferSelect;

const toAgent = (r: AgentRow): Agent => ({ id: r.id, name: r.name, email: r.email, locale: r.locale, isDefault: r.isDefault });

export class AgentsRepo {
  constructor(private readonly db: Db) {}

  list(): Agent[] {
    return this.db.select().from(agents).orderBy(asc(agents.name), asc(agents.id)).all().map(toAgent);
  }

  get(id: number): Agent {
    const row = this.db.select().from(agents).where(eq(agents.id, id)).get();
    if (!row) throw notFound(`Agent ${id}`);
    return toAgent(row);
  }

  exists(id: number): boolean {
    return this.db.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).get() !== undefined;
  }

  create(values: { name: string; email: string | null; isDefault?: boolean }): Agent {
    const row = this.db.insert(agents).values({ name: values.name, email: values.email, isDefault: values.isDefault ?? false }).returning().get();
    return toAgent(row);
  }

  update(id: number, patch: { name?: string | undefined; email?: string | null | undefined; locale?: Locale | null | undefined }): Agent {
    const set: Partial<AgentRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (Object.keys(set).length > 0) this.db.update(agents).set(set).where(eq(agents.id, id)).run();
    return this.get(id);
  }

  /** The agent calls run as when no one chose another: created on first start so the app works out of the box. */
  ensureDefault(name: string): Agent {
    const existing = this.db.select().from(agents).where(eq(agents.isDefault, true)).get();
    return existing ? toAgent(existing) : this.create({ name, email: null, isDefault: true });
  }
}
