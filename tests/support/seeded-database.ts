import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dumpSeededDatabase } from "@/lib/db/client";

// Vitest's global setup: one embedded database migrated and seeded, dumped to a file each test file's own
// in-memory database starts from (tests/support/database-per-file.ts) — the same rows, without initdb and the
// migrations once a file (~4 s each on CI's two cores). Against PostgreSQL (DATABASE_URL) nothing is made.

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded data directory's tarball, or "" against PostgreSQL. */
    seededDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide("seededDatabase", "");
    return () => {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "aisle-seeded-"));
  const file = path.join(dir, "seeded.tar.gz");
  writeFileSync(file, new Uint8Array(await (await dumpSeededDatabase()).arrayBuffer()));
  project.provide("seededDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
