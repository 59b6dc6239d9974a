import { spawn, type ChildProcess } from "node:child_process";
import type { RecordedRequest, Scenario } from "../../tests/support/fake-openai-server.ts";
import { portInUse } from "../support/next-process.ts";

// The fake OpenAI server (tests/support/fake-openai-server.ts) in a process of its own, so the bench's
// clients do not disturb its pace; driven over its control endpoints.

interface FakeStats {
  requests: number;
  openResponses: number;
  peakOpenResponses: number;
}

export interface FakeModel {
  /** Base URL ending in /v1. */
  url: string;
  setScenario(scenario: Scenario): Promise<void>;
  reset(): Promise<void>;
  stats(): Promise<FakeStats>;
  requests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

export async function startFakeModel(port: number): Promise<FakeModel> {
  if (await portInUse(port)) throw new Error(`port ${port} is already in use: stop what listens there and run the bench again`);
  const child: ChildProcess = spawn(process.execPath, ["tests/support/fake-openai-server.ts", "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the fake OpenAI server did not start in 10 s")), 10_000);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (data: string) => {
      if (data.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error("the fake OpenAI server exited at start")));
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    if (!response.ok) throw new Error(`fake OpenAI server ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url: `${base}/v1`,
    async setScenario(scenario) {
      await call("/__scenario", { method: "POST", body: JSON.stringify(scenario) });
    },
    async reset() {
      await call("/__reset", { method: "POST" });
    },
    stats: () => call("/__stats") as Promise<FakeStats>,
    requests: () => call("/__requests") as Promise<RecordedRequest[]>,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
