/**
 * `npm start`: Next's production server that listens only once it is warm (docs/architecture.md §10).
 * `next start` listens first and then loads its configuration, opens the database and loads the page's code,
 * so a visitor who arrives at once waits for all of that (~0.9 s here). This launcher does the same work
 * first — Next's `prepare()` runs instrumentation's register(), which opens the database — then renders the
 * busiest routes once on a private port, and only then listens where visitors come. Flags as `next start`:
 * `-p/--port` (or PORT, default 3000), `-H/--hostname` (default every interface), `--keepAliveTimeout` ms;
 * not HOSTNAME, which containers set to their own name. Only erasable TypeScript: Node 24 runs this file directly.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { launcherRoute } from "../lib/process/launcher-routes.ts";
import { countPage } from "../lib/process/page-traffic.ts";
import { sendWarmUpRequests } from "../lib/process/warm-up-requests.ts";

// Set before Next is loaded, as `next start` does: React and Next pick their production builds by it.
Object.assign(process.env, { NODE_ENV: "production" });

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function options(): { port: number; hostname: string | undefined; keepAliveTimeout: number | undefined } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, keepAliveTimeout: { type: "string" } },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (flags: -p/--port, -H/--hostname, --keepAliveTimeout)`);
  }
  const portText = values.port ?? process.env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`the port must be a whole number from 0 to 65535, not "${portText}"`);
  const keepAliveTimeout = values.keepAliveTimeout === undefined ? undefined : Number(values.keepAliveTimeout);
  if (keepAliveTimeout !== undefined && !(Number.isInteger(keepAliveTimeout) && keepAliveTimeout >= 0)) {
    fail(`--keepAliveTimeout must be a whole number of milliseconds, not "${values.keepAliveTimeout}"`);
  }
  return { port, hostname: values.hostname, keepAliveTimeout };
}

function listen(server: Server, port: number, hostname: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** `fail`s with one clear line when the port cannot be listened on. */
async function claim(server: Server, port: number, hostname: string | undefined): Promise<AddressInfo> {
  try {
    return await listen(server, port, hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === "EADDRINUSE" ? `port ${port} is already in use` : String(error));
  }
}

const { port, hostname, keepAliveTimeout } = options();
const startedAt = performance.now();
// A port already taken is said now, not after the seconds of start-up below.
if (port !== 0) {
  const probe = createServer();
  await claim(probe, port, hostname);
  await close(probe);
}
const { default: next } = await import("next");

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
try {
  await app.prepare();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const handle = app.getRequestHandler();
// A route the app offered to the launcher (a beacon) is answered here, before Next's router: same code, a
// fraction of the cost (lib/process/launcher-routes.ts); everything else is Next's, and counted as a page
// that work which can wait gives way to (lib/process/page-traffic.ts).
const answer = (request: IncomingMessage, response: ServerResponse) => {
  const route = launcherRoute(request);
  if (!route) countPage(response);
  (route ? route(request, response) : handle(request, response)).catch((error: unknown) => {
    console.error(JSON.stringify({ scope: "server", event: "request-failed", url: request.url, error: String(error) }));
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
};

// The busiest routes once, on a private port only this process knows: their code loaded (and, with the
// database open, the first query planned) before anybody else's request.
const warmServer = createServer(answer);
const warmAddress = await listen(warmServer, 0, "127.0.0.1");
// A warm-up that failed (the database away at start) does not keep the server down: it answers 503s.
await sendWarmUpRequests(`http://127.0.0.1:${warmAddress.port}`);
await close(warmServer);

const server = createServer(answer);
if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
const address = await claim(server, port, hostname);
const shown = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
console.log(`✓ Ready on http://${shown}:${address.port}, warm, in ${Math.round(performance.now() - startedAt)} ms`);

// As `next start`: stop taking connections, let Next finish what it has, exit with the signal's code.
let stopping = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([close(server), app.close()])
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(code));
  });
}
