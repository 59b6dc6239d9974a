import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getConfig } from "@/lib/config/env";
import { processSingleton } from "@/lib/process/process-singleton";
import { postgresListener } from "./postgres-listener";
import * as schema from "./schema";
import { seedDatabase } from "./seed";

/** The database, whichever driver is behind it: the query API is the same. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

const MIGRATIONS = { migrationsFolder: path.join(process.cwd(), "drizzle") };
/** Any fixed number: every Aisle process takes this lock to migrate and seed, one at a time. */
const MIGRATION_LOCK = 7_413_221;

interface Connection {
  db: Db;
  /** Hears `pg_notify(channel, …)` from every process on this database (LISTEN/NOTIFY). */
  listen(channel: string, handler: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL at `url`: migrations and seed run under an advisory lock, so two servers can start together. */
async function connectPostgres(url: string): Promise<Connection> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client's connection dropping (the server restarting) is reported here; without a listener it
  // would be an uncaught exception. The pool replaces the client; queries meanwhile fail and are answered 503.
  pool.on("error", (error) => {
    console.error(JSON.stringify({ scope: "db", event: "pool-error", error: String(error) }));
  });
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const locked = drizzle({ client, schema });
    await migrate(locked, MIGRATIONS);
    await seedDatabase(locked);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  const listener = postgresListener(url);
  return { db: drizzle({ client: pool, schema }), listen: listener.listen, close: async () => void (await Promise.all([listener.close(), pool.end()])) };
}

/**
 * Embedded PGlite in a directory (or in memory): one process at a time may open a directory. In memory it may
 * start from `startFrom`, a data directory `dumpSeededDatabase` made: no initdb, the migrations already run.
 */
async function connectPglite(dataDir: string, startFrom?: Blob): Promise<Connection & { dump(): Promise<Blob> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  // The catalog search's typo tolerance needs pg_trgm (drizzle/0002_search.sql); PGlite ships it as contrib.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir === "memory://";
  // PGlite creates its own directory but not the ones above it (.data/ on a fresh clone).
  if (!inMemory) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const options = { extensions: { pg_trgm } };
  const client = inMemory ? new PGlite({ ...options, loadDataDir: startFrom }) : new PGlite(path.resolve(dataDir), options);
  const db = drizzle({ client, schema });
  await migrate(db, MIGRATIONS);
  await seedDatabase(db);
  return { db, listen: async (channel, handler) => void (await client.listen(channel, handler)), close: () => client.close(), dump: () => client.dumpDataDir("gzip") };
}

/**
 * A new embedded database, migrated and seeded, as a data directory to start others from (`startFrom`):
 * the unit tests make it once and open each file's database from it (tests/support/seeded-database.ts).
 */
export async function dumpSeededDatabase(): Promise<Blob> {
  const connection = await connectPglite("memory://");
  try {
    return await connection.dump();
  } finally {
    await connection.close();
  }
}

/** Where a process's database is: DATABASE_URL, else embedded PGlite in a directory or in memory. */
export interface DatabaseLocation {
  url?: string;
  dataDir: string;
  /** In memory only: a migrated, seeded data directory (`dumpSeededDatabase`) to start from. */
  startFrom?: Blob;
}

function connect(): Promise<Connection> {
  const location: DatabaseLocation = state.location ?? getConfig().database;
  return location.url ? connectPostgres(location.url) : connectPglite(location.dataDir, location.startFrom);
}

// One connection per process (pages, route handlers and the proxy are bundled apart), opened on first use.
const state = processSingleton("database", () => ({ connection: undefined as Promise<Connection> | undefined, location: undefined as DatabaseLocation | undefined }));

/**
 * Points this process at a database other than the configured one, before its first use: the eval and the
 * bench search a catalog of their own in memory, never the store's files a running server holds.
 */
export function setDatabaseLocation(location: DatabaseLocation): void {
  if (state.connection) throw new Error("setDatabaseLocation: the database is already open");
  state.location = location;
}

/** The migrated, seeded database. */
export async function getDb(): Promise<Db> {
  state.connection ??= connect().catch((error: unknown) => {
    state.connection = undefined; // let the next request try again
    throw error;
  });
  return (await state.connection).db;
}

/**
 * Runs `handler` with the payload of every `pg_notify(channel, payload)` sent on this database, by any process
 * (docs/architecture.md §9: what one server must tell another travels through PostgreSQL).
 */
export async function listenTo(channel: string, handler: (payload: string) => void): Promise<void> {
  await getDb();
  const connection = await (state.connection as Promise<Connection>);
  await connection.listen(channel, handler);
}

/** Closes the connection (tests, shutdown); the next `getDb` opens a new one. */
export async function closeDb(): Promise<void> {
  const connection = state.connection;
  state.connection = undefined;
  if (connection) await (await connection).close();
}
