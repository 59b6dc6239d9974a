import { percentile } from "./support/stats.ts";
import { startNext, usage } from "./support/server.ts";

export interface LoadResult {
  streams: number;
  errors: number;
  firstLineP50: number;
  firstLineP95: number;
  gapP50: number;
  gapP95: number;
  /** The model's own inter-item gap p95, from one stream alone on the same server. */
  soloGapP95: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMb: number;
}

interface StreamTiming {
  ok: boolean;
  firstLine: number;
  gaps: number[];
}

async function stream(url: string): Promise<StreamTiming> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) return { ok: false, firstLine: Number.NaN, gaps: [] };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const lineTimes: number[] = [];
    let done = false;
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const now = performance.now();
        if (line.includes('"type":"item"')) lineTimes.push(now);
        if (line.includes('"type":"done"')) done = true;
      }
    }
    const gaps = lineTimes.slice(1).map((time, i) => time - (lineTimes[i] as number));
    return { ok: done, firstLine: (lineTimes[0] ?? Number.NaN) - started, gaps };
  } catch {
    return { ok: false, firstLine: Number.NaN, gaps: [] };
  }
}

/** N concurrent ranking streams against one `next start` with the simulated model. */
export async function measureLoad(levels: readonly number[], port: number, pace = { AISLE_SIM_TTFT_MS: "600", AISLE_SIM_TOKENS_PER_SECOND: "80" }): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const streams of levels) {
    // A fresh in-memory database per level, so no stream is a replay of another level's ranking.
    const server = await startNext({
      port,
      // Picks "all": every item line is one element at the model's pace, so the gaps measure the model's pace.
      // One client asks for every stream, each gets the model: this measures the pipeline under load; the
      // budget and the cap are bench/abuse.ts's.
      env: {
        AISLE_PROVIDER: "simulated",
        AISLE_DATA_DIR: "memory://",
        AISLE_MODEL_PICKS: "all",
        AISLE_RANKINGS_PER_MINUTE: "100000",
        AISLE_MAX_MODEL_STREAMS: String(Math.max(...levels, 32)),
        ...pace,
      },
    });
    try {
      // The model's own pace, one stream alone: another shopper over the same 72 products (the same
      // request would make the load below a replay of it).
      const solo = await stream(`${server.url}/api/rankings?shopper=reader-lin`);
      const url = `${server.url}/api/rankings?shopper=12345`;
      const before = usage(server.pid);
      let peakRss = before.rssMb;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, usage(server.pid).rssMb)), 250);
      const started = performance.now();
      const timings = await Promise.all(Array.from({ length: streams }, () => stream(url)));
      const wall = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const after = usage(server.pid);
      const ok = timings.filter((timing) => timing.ok);
      const firstLines = ok.map((timing) => timing.firstLine);
      const gaps = ok.flatMap((timing) => timing.gaps);
      results.push({
        streams,
        errors: streams - ok.length,
        firstLineP50: percentile(firstLines, 50),
        firstLineP95: percentile(firstLines, 95),
        gapP50: percentile(gaps, 50),
        gapP95: percentile(gaps, 95),
        soloGapP95: percentile(solo.gaps, 95),
        cpuSeconds: after.cpuSeconds - before.cpuSeconds,
        wallSeconds: wall,
        peakRssMb: peakRss,
      });
    } finally {
      await server.stop();
    }
  }
  return results;
}
