import { defineConfig, devices } from "@playwright/test";
import { chosenExecutablePath } from "./scripts/browser-choice";

import {
  E2E_BASE_URL,
  E2E_PORT,
  EXPERIMENT_ADMIN_TOKEN,
  EXPERIMENT_APP_PORT,
  EXPERIMENT_APP_URL,
  FAKE_MODEL_PORT,
  FAKE_MODEL_URL,
  LIMITED_APP_PORT,
  LIMITED_APP_URL,
  OPENAI_APP_PORT,
  OPENAI_APP_URL,
} from "./tests/e2e/support/urls";

// The e2e suite runs the production build: with the simulated model at a slow, visible pace, and with the
// openai provider pointed at a local fake OpenAI server the tests script, both as `npm start` runs it
// (scripts/start.ts, which listens once warm); and a small-budget app under plain `next start`.
// The browser `npm test` provisioned (scripts/ensure-browser.ts): a path, or Playwright's own (undefined).
const executablePath = chosenExecutablePath();

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
          executablePath,
          // As root (no sandbox), on a machine with no network beyond loopback.
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      // Each app instance has its own embedded database, fresh for every run (PGlite: one process per directory).
      command: `rm -rf .data/e2e-simulated && "${process.execPath}" scripts/start.ts -p ${E2E_PORT} -H 127.0.0.1`,
      // A 400 (no shopper) says the server is up without starting a ranking.
      url: `${E2E_BASE_URL}/api/rankings`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // The suite starts many fresh rankings from one address: a budget no test reaches (the limited app below tests it).
      env: { AISLE_PROVIDER: "simulated", AISLE_SIM_TTFT_MS: "300", AISLE_SIM_TOKENS_PER_SECOND: "120", AISLE_DATA_DIR: ".data/e2e-simulated", AISLE_RANKINGS_PER_MINUTE: "100000" },
    },
    {
      // The Node running the tests (24+): it runs the TypeScript file directly.
      command: `"${process.execPath}" tests/support/fake-openai-server.ts --port ${FAKE_MODEL_PORT}`,
      url: `${FAKE_MODEL_URL}/v1/models`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `rm -rf .data/e2e-openai && "${process.execPath}" scripts/start.ts -p ${OPENAI_APP_PORT} -H 127.0.0.1`,
      url: `${OPENAI_APP_URL}/api/rankings`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        AISLE_PROVIDER: "openai",
        OPENAI_API_KEY: "sk-local-fake",
        OPENAI_BASE_URL: `${FAKE_MODEL_URL}/v1`,
        OPENAI_MODEL: "fake-ranker",
        AISLE_STALL_TIMEOUT_MS: "5000",
        AISLE_DATA_DIR: ".data/e2e-openai",
        AISLE_RANKINGS_PER_MINUTE: "100000",
      },
    },
    {
      // A small budget of fresh model rankings, to see what a client past it gets.
      command: `rm -rf .data/e2e-limited && npx next start -p ${LIMITED_APP_PORT} -H 127.0.0.1`,
      url: `${LIMITED_APP_URL}/api/rankings`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { AISLE_PROVIDER: "simulated", AISLE_SIM_TTFT_MS: "100", AISLE_SIM_TOKENS_PER_SECOND: "2000", AISLE_DATA_DIR: ".data/e2e-limited", AISLE_RANKINGS_PER_MINUTE: "2" },
    },
    {
      // An experiment between the free arms, with an operator's token: the simulation and /insights (experiment.spec.ts).
      command: `rm -rf .data/e2e-experiment && "${process.execPath}" scripts/start.ts -p ${EXPERIMENT_APP_PORT} -H 127.0.0.1`,
      url: `${EXPERIMENT_APP_URL}/api/rankings`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        AISLE_PROVIDER: "simulated",
        AISLE_DATA_DIR: ".data/e2e-experiment",
        AISLE_EXPERIMENT: "embedded:50,popular:50",
        AISLE_ADMIN_TOKEN: EXPERIMENT_ADMIN_TOKEN,
        AISLE_RANKINGS_PER_MINUTE: "100000",
      },
    },
  ],
});
