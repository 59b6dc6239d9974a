import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { LAUNCHED_APP_PORT } from "./support/urls";

// `npm start` (scripts/start.ts) listens only once it is warm (docs/architecture.md §10): whoever connects
// first meets a server with its database open and its routes rendered once, never a "starting" one.

const DATA_DIR = ".data/e2e-launched";

interface Launched {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function launch(args: string[]): Launched {
  const child = spawn(process.execPath, ["scripts/start.ts", ...args], {
    env: { ...process.env, AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: DATA_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** Resolves once something accepts a TCP connection on the port (polled every 10 ms, at most 60 s). */
async function accepting(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: "127.0.0.1" });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nothing listened on ${port} within 60 s`);
}

test.describe("npm start", () => {
  test.beforeAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

  test("the first connection meets a warm server: health 200 at once, then the page", async () => {
    const server = launch(["-p", String(LAUNCHED_APP_PORT), "-H", "127.0.0.1"]);
    try {
      await accepting(LAUNCHED_APP_PORT);
      const origin = `http://127.0.0.1:${LAUNCHED_APP_PORT}`;
      const health = await fetch(`${origin}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ database: "ok" });
      // It said, in this order: database open, routes warm, then listening.
      const output = server.output();
      const order = ['"scope":"db","event":"ready"', '"scope":"server","event":"warm"', "Ready on"].map((mark) => output.indexOf(mark));
      expect(order.every((at) => at >= 0), output).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const page = await fetch(`${origin}/?shopper=12345`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-testid="ranked-grid"');

      server.child.kill("SIGTERM");
      expect(await server.exit).toBe(143);
    } finally {
      server.child.kill("SIGKILL");
    }
  });

  test("a bad flag is one clear line and exit code 1, before anything starts", async () => {
    const server = launch(["--port", "eighty"]);
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('npm start: the port must be a whole number from 0 to 65535, not "eighty"');
  });

  test("a port already taken is said at once, before the start-up's work", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(LAUNCHED_APP_PORT, "127.0.0.1", resolve));
    try {
      const server = launch(["-p", String(LAUNCHED_APP_PORT), "-H", "127.0.0.1"]);
      expect(await server.exit).toBe(1);
      expect(server.output()).toContain(`npm start: port ${LAUNCHED_APP_PORT} is already in use`);
      expect(server.output()).not.toContain('"scope":"db"');
    } finally {
      taken.close();
    }
  });
});
