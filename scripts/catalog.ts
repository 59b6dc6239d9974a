import { catalogMain } from "@/lib/catalog/import/cli";
import { closeDb } from "@/lib/db/client";

// `npm run catalog -- <command>` (README, "Bring your own catalog"). Runs under eval/register.ts, which
// resolves lib/'s `@/` imports; the database is the store's own (DATABASE_URL, else AISLE_DATA_DIR).
try {
  process.exitCode = await catalogMain(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
} finally {
  await closeDb();
}
