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
    env: { AISLE_DATA_DIR: "memory://" },
    testTimeout: 20_000,
  },
});
