import { closeDb, setDatabaseLocation } from "@/lib/db/client";
import { evalMain } from "@/lib/eval/cli";

// `npm run eval` (EVALS.md). Runs under eval/register.ts, which resolves the `@/` imports of lib/.
// Candidates given as a search go through the store's own retrieval, on a database of the eval's own: an
// embedded one in memory, seeded with the default catalog.
setDatabaseLocation({ dataDir: "memory://" });
try {
  const { code } = await evalMain(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
  process.exitCode = code;
} finally {
  await closeDb();
}
