import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The database-outage test (tests/outage): a real server and a real PostgreSQL, run by .ci/run.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: { include: ["tests/outage/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 120_000 },
});
