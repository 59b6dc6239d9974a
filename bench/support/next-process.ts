import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { type AddressInfo, connect, createServer, type Server } from "node:net";
import path from "node:path";

// A `next start`, `next dev` or `npm start` (scripts/start.ts, "launch") whose start-up is itself measured: every line it prints is kept with the
// instant the bench read it, and readiness is detected without rendering a page (see waitForOk), so the
// first page request the bench sends really is the server's first.

export interface LogLine {
  /** performance.now() when the bench read the line. */
  at: number;
  text: string;
}

export interface NextProcess {
  url: string;
  pid: number;
  /** performance.now() just before the process was spawned. */
  spawnedAt: number;
  /** stdout and stderr, line by line, ANSI colours removed. */
  lines: LogLine[];
  /** Whether the process has exited. */
  exited(): boolean;
  /** The first line matching `pattern` so far, if any. */
  line(pattern: RegExp): LogLine | undefined;
  /** Waits for a line matching `pattern` (undefined after `timeoutMs`, or once the process has exited). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<LogLine | undefined>;
  /** SIGTERM to the process group, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Whether something already listens on the port: a stray server there would answer our readiness poll. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `count` distinct ports the OS has free on 127.0.0.1 now (from its ephemeral range, so never a fixed port
 * another suite uses): all held at once, so they differ, then released for the servers about to take them.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

export async function spawnNext(options: { command: "start" | "dev" | "launch"; port: number; env: Record<string, string>; cwd?: string }): Promise<NextProcess> {
  if (await portInUse(options.port)) throw new Error(`port ${options.port} is already in use: stop what listens there and run the bench again`);
  const cwd = options.cwd ?? process.cwd();
  // The copy's own `next` when run in a copy of the app: Turbopack compiles only files under the app's root.
  const next = path.join(cwd, "node_modules/next/dist/bin/next");
  // The NODE_ENV each command sets for itself, not one inherited from the shell.
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env, NODE_ENV: options.command === "dev" ? "development" : "production" } as const;
  const spawnedAt = performance.now();
  const entry = options.command === "launch" ? [path.join(cwd, "scripts/start.ts")] : [next, options.command];
  const child: ChildProcess = spawn(process.execPath, [...entry, "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exit.then(() => {
    exited = true;
    for (const wake of waiters) wake();
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (data: string) => {
      const at = performance.now();
      const parts = (rest + data).split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) lines.push({ at, text: part.replace(ANSI, "").trimEnd() });
      for (const wake of waiters) wake();
    });
  }
  const line = (pattern: RegExp) => lines.find((entry) => pattern.test(entry.text));
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid ?? 0,
    spawnedAt,
    lines,
    exited: () => exited,
    line,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          const found = line(pattern);
          if (found || exited) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(undefined);
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (exited) return;
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        return; // already gone
      }
      const killed = await Promise.race([exit.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))]);
      if (killed) {
        try {
          process.kill(-(child.pid ?? 0), "SIGKILL");
        } catch {
          // gone meanwhile
        }
        await exit;
      }
    },
  };
}

/**
 * Polls a path until it answers 200; returns performance.now() at that answer. Polled for a static file from
 * public/, it renders no page, runs no proxy (its matcher skips products/*.svg) and loads no page module, so
 * the first page request stays the first: Next accepts connections as soon as it listens ("Ready in …") and
 * serves public files at once, so the answer marks the instant the server serves. Polled for /api/health, it is
 * a load balancer's readiness check (the app answers 503 until it is warm).
 */
export async function waitForOk(server: NextProcess, file: string, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      const request = httpRequest(`${server.url}${file}`, { agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.setTimeout(Math.max(1, deadline - performance.now()), () => request.destroy());
      request.on("error", () => resolve(0));
      request.end();
    });
    if (status === 200) return performance.now();
    if (server.exited()) {
      const tail = server.lines.slice(-8).map((line) => line.text).filter(Boolean).join(" / ");
      throw new Error(`the server exited before serving ${file}: ${tail || "no output"}`);
    }
    if (performance.now() > deadline) throw new Error(`${server.url}${file} did not answer 200 in ${timeoutMs} ms (last status ${status || "no connection"})`);
    await new Promise((resolve) => setTimeout(resolve, status === 0 ? 20 : 50));
  }
}

export interface PageTiming {
  status: number;
  /** ms from sending the request: response headers, the first byte of the body, the first card's bytes, the end. */
  headers: number;
  firstByte: number;
  firstCard: number;
  end: number;
  bytes: number;
  /** How many cards' markup the HTML holds (data-testid="ranked-card"; an early card's sits in a <noscript>). */
  cards: number;
  /** The grid is a stored ranking replayed whole into the HTML (data-replay), not a live one that streams. */
  replayed: boolean;
}

const CARD = 'data-testid="ranked-card"';

/** One GET on a fresh connection, timed from the instant it is sent to its headers, body bytes and end. */
export function timePage(url: string, timeoutMs: number): Promise<PageTiming> {
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    const request = httpRequest(url, { agent: false, headers: { accept: "text/html" } }, (response) => {
      const headers = performance.now() - sent;
      let firstByte = Number.NaN;
      let firstCard = Number.NaN;
      let html = "";
      let bytes = 0;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const now = performance.now() - sent;
        if (Number.isNaN(firstByte)) firstByte = now;
        const from = Math.max(0, html.length - CARD.length);
        html += chunk;
        bytes += Buffer.byteLength(chunk);
        if (Number.isNaN(firstCard) && html.indexOf(CARD, from) >= 0) firstCard = now;
      });
      response.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers,
          firstByte,
          firstCard,
          end: performance.now() - sent,
          bytes,
          cards: html.split(CARD).length - 1,
          replayed: html.includes('data-replay="true"'),
        });
      });
      response.on("error", reject);
    });
    const timer = setTimeout(() => request.destroy(new Error(`${url} did not finish in ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end();
  });
}
