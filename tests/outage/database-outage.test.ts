import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// PostgreSQL going away under a running `next start`, and coming back (docs/architecture.md §14). Needs a
// production build, DATABASE_URL, and the shell commands that stop and start that server:
//   AISLE_OUTAGE_STOP="pg_ctl … stop" AISLE_OUTAGE_START="pg_ctl … start" npx vitest run --dir tests/outage
// (.ci/run runs it against its throwaway cluster). Skipped when they are not given.

const { DATABASE_URL, AISLE_OUTAGE_STOP, AISLE_OUTAGE_START } = process.env;
const ready = Boolean(DATABASE_URL && AISLE_OUTAGE_STOP && AISLE_OUTAGE_START);
const PORT = 3250;
const url = (route: string) => `http://127.0.0.1:${PORT}${route}`;

let server: ChildProcess | undefined;
let log = "";

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * What the database's failure says on the server (the driver's and Drizzle's messages, the connection
 * string and the server's address): none of it may reach a client.
 */
function databaseErrorText(databaseUrl: string): RegExp[] {
  const { host } = new URL(databaseUrl);
  const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
  return [
    /ECONNREFUSED|ECONNRESET|EPIPE/,
    /postgres(ql)?:\/\//i,
    literally(databaseUrl),
    literally(host),
    /Connection terminated/i,
    /terminating connection/i,
    /the database system is/i,
    /Failed query/i,
    /connect ECONN/i,
  ];
}

function expectNoDatabaseErrorText(text: string, where: string): void {
  const leaked = databaseErrorText(DATABASE_URL ?? "").filter((pattern) => pattern.test(text));
  expect(leaked, `${where} shows the database's error`).toEqual([]);
}

function shell(command: string): void {
  const result = spawnSync("bash", ["-c", command], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`failed: ${command}`);
}

describe.runIf(ready)("PostgreSQL stopped and restarted under a running server", () => {
  beforeAll(async () => {
    server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      env: { ...process.env, AISLE_PROVIDER: "simulated", AISLE_SIM_TTFT_MS: "0", AISLE_SIM_TOKENS_PER_SECOND: "100000", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(async () => (await fetch(url("/api/health"))).ok, "the server");
  }, 90_000);

  afterAll(async () => {
    spawnSync("bash", ["-c", AISLE_OUTAGE_START ?? "true"]);
    server?.kill("SIGTERM");
  });

  it("answers 503 with Retry-After while the database is away, hides the database's error text, throws nothing uncaught, and recovers without a restart", async () => {
    expect((await fetch(url("/api/rankings?shopper=12345&category=books"))).status).toBe(200);

    shell(AISLE_OUTAGE_STOP ?? "false");
    for (const route of ["/api/rankings?shopper=12345&category=fitness", "/api/health"]) {
      const response = await fetch(url(route));
      expect(response.status, route).toBe(503);
      expect(Number(response.headers.get("retry-after")), route).toBeGreaterThan(0);
      const body = await response.text();
      expect((JSON.parse(body) as { error: string }).error, route).toContain("not answering");
      expectNoDatabaseErrorText(body, route);
    }
    // A page, chosen by ?shopper= (the proxy looks the shopper up) or not (the page's own reads fail): an
    // error answer, never a hang, and never the database's words.
    for (const route of ["/?shopper=12345", "/"]) {
      const page = await fetch(url(route));
      const html = await page.text();
      expect([500, 503], route).toContain(page.status);
      expectNoDatabaseErrorText(html, route);
    }
    // The server did meet the database's error: what the client was spared is there to be spared.
    expect(databaseErrorText(DATABASE_URL ?? "").some((pattern) => pattern.test(log))).toBe(true);

    shell(AISLE_OUTAGE_START ?? "false");
    await waitFor(async () => (await fetch(url("/api/health"))).ok, "the database to come back", 30_000);
    const again = await fetch(url("/api/rankings?shopper=12345&category=fitness"));
    expect(again.status).toBe(200);
    expect((await again.text()).trim().split("\n").at(-1)).toContain('"type":"done"');
    expect((await fetch(url("/?shopper=12345"))).status).toBe(200);

    expect(log).not.toMatch(/uncaughtException|unhandledRejection/);
  }, 120_000);
});
