import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { closeDb, setDatabaseLocation } from "@/lib/db/client";

// Each test file its own database: an in-memory PGlite started from the seeded one the global setup made
// (tests/support/seeded-database.ts), unless the file set the test's AISLE_DATA_DIR; against a PostgreSQL server
// (DATABASE_URL, as CI runs the data-layer and retrieval tests) a fresh database per file, migrated and seeded
// on first use and dropped after, so one file's imports and synonyms never reach another's searches.

const base = process.env.DATABASE_URL;
if (base) {
  const { Client } = await import("pg");
  const name = `aisle_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  setDatabaseLocation({ url: url.toString(), dataDir: "memory://" });
  afterAll(async () => {
    await closeDb();
    const dropper = new Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
} else {
  const seeded = inject("seededDatabase");
  if (seeded && process.env.AISLE_DATA_DIR === "memory://") setDatabaseLocation({ dataDir: "memory://", startFrom: new Blob([readFileSync(seeded)]) });
}
