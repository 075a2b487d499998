import "server-only";
import { claimDataDir } from "./data-dir-lock";
import { migrations as defaultMigrations, type Migration } from "./migrations";

/** The little both PostgreSQL (pg) and PGlite share: parameterised queries and multi-statement scripts. */
export interface Database {
  readonly kind: "postgres" | "pglite";
  query<R extends object>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs `work` inside one transaction on one connection. */
  transaction<T>(work: (db: Pick<Database, "query" | "exec">) => Promise<T>): Promise<T>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; absent, an embedded PGlite database in `dataDir`. */
  url?: string;
  /** A directory, or "memory://" for a database that lives as long as the process. */
  dataDir?: string;
  migrations?: readonly Migration[];
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = (await import("pg")).default;
  const pool = new Pool({ connectionString: url, max: 5 });
  return {
    kind: "postgres",
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async exec(script) {
      await pool.query(script);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (script) => void (await client.query(script)),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  let release = async () => {};
  if (dataDir !== "memory://") {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dataDir, { recursive: true });
    release = await claimDataDir(dataDir);
  }
  const db = await PGlite.create(dataDir === "memory://" ? undefined : dataDir).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  return {
    kind: "pglite",
    async query(text, params) {
      return (await db.query(text, params)).rows as never;
    },
    async exec(script) {
      await db.exec(script);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async (text, params) => (await tx.query(text, params)).rows as never,
          exec: async (script) => void (await tx.exec(script)),
        }),
      ),
    close: () => db.close().finally(release),
  };
}

/**
 * Applies each migration not yet recorded, in order, each in its own transaction. The advisory lock keeps
 * two consoles starting against one PostgreSQL from applying the same migration twice.
 */
export async function migrate(db: Database, list: readonly Migration[] = defaultMigrations): Promise<string[]> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  for (const migration of list) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(727001)");
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE id = $1", [migration.id]);
      if (seen.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}

/**
 * PostgreSQL text (and jsonb) cannot hold a NUL character or half of a UTF-16 surrogate pair, and whatever
 * an operator typed may contain either: they are stored as U+FFFD rather than failing the write (and with
 * it the audit record of a mutation). JSON parameters carry them as `\u0000` or `\udXXX` escapes, which
 * jsonb refuses just the same.
 */
const UNSTORABLE_CHARS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSTORABLE_ESCAPES =
  /(?<!\\)\\u0000|(?<!\\)\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})(?<!\\)\\ud[c-f][0-9a-f]{2}/gi;

/** Cleans every text parameter, including those inside the arrays that batched `unnest` writes pass. */
function storableValue(value: unknown): unknown {
  if (typeof value === "string")
    return value.replace(UNSTORABLE_CHARS, "\ufffd").replace(UNSTORABLE_ESCAPES, "\\ufffd");
  return Array.isArray(value) ? value.map(storableValue) : value;
}

function storable(params: unknown[] | undefined): unknown[] | undefined {
  return params?.map(storableValue);
}

function withStorableText(db: Database): Database {
  const query: Database["query"] = (text, params) => db.query(text, storable(params));
  return {
    kind: db.kind,
    query,
    exec: (script) => db.exec(script),
    close: () => db.close(),
    transaction: (work) =>
      db.transaction((inner) =>
        work({ query: (text, params) => inner.query(text, storable(params)), exec: (script) => inner.exec(script) }),
      ),
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = withStorableText(
    options.url ? await openPostgres(options.url) : await openPglite(options.dataDir ?? ".data"),
  );
  try {
    await migrate(db, options.migrations);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
