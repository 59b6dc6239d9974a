import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts", "tests/support/**/*.test.ts"],
    environment: "node",
    // Each test worker gets its own embedded database in memory (DATABASE_URL, when set, wins).
    // The simulated model at full speed: tests assert order and content, never timing.
    env: { AISLE_DATA_DIR: "memory://", AISLE_SIM_TTFT_MS: "0", AISLE_SIM_TOKENS_PER_SECOND: "100000" },
    testTimeout: 20_000,
    // Vitest's default is a worker fewer than the cores: one on CI's two, which then runs the files one by one.
    // They mostly wait (PGlite loading its snapshot, child servers), so two there took the suite from 193 s to 140 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Against PostgreSQL (DATABASE_URL), a database of its own per test file (tests/support/database-per-file.ts).
    setupFiles: ["tests/support/database-per-file.ts"],
    globalSetup: ["tests/support/seeded-database.ts"],
  },
});
