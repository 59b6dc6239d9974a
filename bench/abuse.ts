import os from "node:os";
import { type BudgetResult, measureBudget } from "./abuse/budget.ts";
import { type CapResult, measureCap } from "./abuse/cap.ts";
import { startFakeModel } from "./abuse/fake-model.ts";
import { type HostileResult, measureHostile } from "./abuse/hostile.ts";
import type { AbuseSettings } from "./abuse/settings.ts";

// Budget, cap and hostile models (docs/architecture.md §13): one `next start` per part, with the `openai`
// provider pointed at the local fake OpenAI server (tests/support/fake-openai-server.ts) run in a process of
// its own, so its pace is not disturbed by the bench's clients, and asked over its control endpoints.
// Every request goes to 127.0.0.1; every loop is bounded in count and in time.
//
// 1. One client (one browser cookie, one address) asks for many fresh rankings: its budget
//    (AISLE_RANKINGS_PER_MINUTE) holds, every 429 says Retry-After, every 200 is whole, a new cookie with forged
//    address headers gets no fresh budget, and its page past the budget is whole with no model call.
// 2. Many clients (distinct X-Forwarded-For, AISLE_TRUSTED_PROXIES=1) load the page at once: the cap
//    (AISLE_MAX_MODEL_STREAMS) holds at the model server, every page is whole.
// 3. Many rankings at once, one model stream in ten hostile: every ranking is whole and exactly once, every
//    stalled model stream is aborted by the stall deadline, and the healthy streams keep the model's pace.
// A limit that does not hold is a problem that fails the run (abuse/report.ts); timings are only reported.

export interface AbuseResult {
  machine: { cpus: number; cpu: string; memGiB: number; node: string; platform: string };
  settings: AbuseSettings;
  budget: BudgetResult;
  cap: CapResult;
  hostile: HostileResult;
}

export async function measureAbuse(ports: { app: number; model: number }, settings: AbuseSettings): Promise<AbuseResult> {
  const fake = await startFakeModel(ports.model);
  try {
    const budget = await measureBudget(ports.app, fake, settings.budget);
    const cap = await measureCap(ports.app, fake, settings.cap);
    const hostile = await measureHostile(ports.app, fake, settings.hostile);
    return {
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
      settings,
      budget,
      cap,
      hostile,
    };
  } finally {
    await fake.stop();
  }
}

export { ABUSE_FULL, ABUSE_QUICK, type AbuseSettings } from "./abuse/settings.ts";
export { abuseReport } from "./abuse/report.ts";
