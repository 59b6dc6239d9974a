import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePorts } from "../support/next-process.ts";

// A throwaway PostgreSQL cluster on 127.0.0.1 for the bench (as .ci/run starts one): Debian's binaries under
// /usr/lib/postgresql/<version>/bin; run as the postgres user when the bench runs as root (initdb refuses root).

export interface Cluster {
  /** postgres://… of a database of its own: `database(name)` makes a fresh one. */
  database(name: string): string;
  stop(): void;
}

function binDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const bin = versions.length > 0 ? path.join(root, versions.at(-1) as string, "bin") : undefined;
  return bin && existsSync(path.join(bin, "initdb")) ? bin : undefined;
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const run = (command: string, args: string[]) => (asRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }) : execFileSync(command, args, { stdio: "pipe" }));

/** Starts a cluster, or says why it cannot (no binaries: `apt-get install postgresql`). */
export async function startCluster(): Promise<Cluster | string> {
  const bin = binDir();
  if (!bin) return "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)";
  const [port] = await freePorts(1);
  const dir = mkdtempSync(path.join(os.tmpdir(), "aisle-bench-pg-"));
  if (asRoot) chownSync(dir, Number(spawnSync("id", ["-u", "postgres"]).stdout.toString().trim()), Number(spawnSync("id", ["-g", "postgres"]).stdout.toString().trim()));
  const ctl = path.join(bin, "pg_ctl");
  try {
    run(path.join(bin, "initdb"), ["-D", path.join(dir, "data"), "-U", "aisle", "--auth=trust", "-E", "UTF8"]);
    run(ctl, ["-D", path.join(dir, "data"), "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `could not start a PostgreSQL cluster: ${String(error).slice(0, 200)}`;
  }
  return {
    database(name) {
      run(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "aisle", name]);
      return `postgres://aisle@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run(ctl, ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
