import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs the production build (`next start`) with the simulated model at a slow, visible pace.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          // Debian's chromium as root, on a machine with no network beyond loopback.
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: `${E2E_BASE_URL}/api/rankings?shopper=12345&q=__healthcheck__`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { AISLE_PROVIDER: "simulated", AISLE_SIM_TTFT_MS: "300", AISLE_SIM_TOKENS_PER_SECOND: "120" },
    },
  ],
});
