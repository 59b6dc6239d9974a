import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts", "tests/support/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
