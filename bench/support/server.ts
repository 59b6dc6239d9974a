import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { portInUse } from "./next-process.ts";

// Starts `next start` for a measurement and stops it after; also reads the process tree's CPU and memory.

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startNext(options: { port: number; env: Record<string, string>; cwd?: string }): Promise<Server> {
  // A stray server on the port would answer the readiness poll and every request after it, measured as ours.
  if (await portInUse(options.port)) throw new Error(`port ${options.port} is already in use: stop what listens there and run the bench again`);
  const next = path.resolve("node_modules/next/dist/bin/next");
  const child: ChildProcess = spawn(process.execPath, [next, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor(`${url}/favicon-that-is-not-there`, 60_000);
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The descendants of a process (Linux /proc): `next start` runs its server in a child process. */
function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return kids.flatMap((kid) => [kid, ...descendants(kid)]);
}

export interface Usage {
  /** CPU seconds (user + system) used so far by the whole tree. */
  cpuSeconds: number;
  /** Resident memory of the whole tree, MB. */
  rssMb: number;
}

const TICKS = 100; // USER_HZ on Linux

export function usage(root: number): Usage {
  let ticks = 0;
  let rssPages = 0;
  for (const pid of [root, ...descendants(root)]) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
      rssPages += Number(fields[21]);
    } catch {
      // exited
    }
  }
  return { cpuSeconds: ticks / TICKS, rssMb: (rssPages * 4096) / 1e6 };
}
