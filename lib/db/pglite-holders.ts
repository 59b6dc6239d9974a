import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: two processes opening one directory corrupt it. A process that has it open
// holds files in it, which Linux shows under /proc/<pid>/fd — enough for a tool (the catalog import) to
// refuse while the store's server runs on the same directory.

export interface Holder {
  pid: number;
  command: string;
}

/** Other processes with files of `dir` open; undefined where this cannot be told (no /proc: not Linux). */
export function processesHolding(dir: string): Holder[] | undefined {
  const inside = path.resolve(dir) + path.sep;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return undefined;
  }
  const holders: Holder[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(inside);
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    } catch {
      // gone meanwhile: still worth naming
    }
    holders.push({ pid: Number(pid), command: command.length > 80 ? `${command.slice(0, 79)}…` : command });
  }
  return holders;
}
