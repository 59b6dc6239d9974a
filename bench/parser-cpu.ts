import { buildAnswer, chunk } from "./support/answer.ts";
import { median } from "./support/stats.ts";
import { aisle, CONTENDERS, floor, TimeLimit, type Contender } from "./parsers.ts";

export interface CpuResult {
  contender: string;
  elements: number;
  /** Median wall time of a whole run, or null when it gave up at its time limit. */
  medianMs: number | null;
  note?: string;
}

/** Lets an async pipeline (the AI SDK's streams) do its work before the next chunk. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timeOnce(contender: Contender, chunks: readonly string[], expected: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  await contender.run(chunks, () => void count++);
  const elapsed = performance.now() - started;
  if (count !== expected) throw new Error(`${contender.name}: ${count} elements, expected ${expected}`);
  return elapsed;
}

/**
 * CPU: the whole answer in 4-character chunks, as fast as each can take it, after one warm-up run each.
 * A contender whose one run takes over half a second (the AI SDK) gets only 3 timed runs.
 */
export async function measureCpu(sizes: readonly number[], runs: number): Promise<CpuResult[]> {
  const results: CpuResult[] = [];
  for (const elements of sizes) {
    const entries = CONTENDERS.map((contender) => ({
      contender,
      chunks: chunk(buildAnswer(elements, contender.key).text, 4),
      times: [] as number[],
      runs,
      note: undefined as string | undefined,
    }));
    for (const entry of entries) {
      try {
        if ((await timeOnce(entry.contender, entry.chunks, elements)) > 500) entry.runs = Math.min(runs, 3); // warm-up
      } catch (error) {
        if (!(error instanceof TimeLimit)) throw error;
        entry.note = `stopped after ${(entry.contender.timeLimitMs ?? 0) / 1000} s (quadratic)`;
      }
    }
    // Aisle and the floor, whose ratio is the target, take turns; then each other contender on its own, so
    // the garbage of the heavy ones (the AI SDK's streams) is not collected during the pair's runs.
    const pair = entries.filter((entry) => entry.contender === aisle || entry.contender === floor);
    for (const group of [pair, ...entries.filter((entry) => !pair.includes(entry)).map((entry) => [entry])]) {
      for (let run = 0; run < runs; run++) {
        for (const entry of group) {
          if (entry.note || run >= entry.runs) continue;
          entry.times.push(await timeOnce(entry.contender, entry.chunks, elements));
        }
      }
    }
    for (const entry of entries) {
      results.push({ contender: entry.contender.name, elements, medianMs: entry.note ? null : median(entry.times), note: entry.note });
    }
  }
  return results;
}

export interface DelayResult {
  contender: string;
  /** Characters fed after an element's closing brace before it was released: median and max. */
  medianChars: number;
  maxChars: number;
}

/** Element delay: one character at a time, how long after its `}` each element comes out. */
export async function measureDelay(elements: number): Promise<DelayResult[]> {
  const results: DelayResult[] = [];
  for (const contender of CONTENDERS) {
    const answer = buildAnswer(elements, contender.key);
    const chars = chunk(answer.text, 1);
    // The character being fed when an element comes out; async pipelines get to run before the next one.
    let current = -1;
    const releasedAt: number[] = [];
    await contender.run(
      chars,
      () => void releasedAt.push(current),
      async (index) => {
        await settle();
        current = index;
      },
    );
    const delays = releasedAt.map((at, i) => at - (answer.closes[i] ?? 0));
    results.push({ contender: contender.name, medianChars: median(delays), maxChars: Math.max(...delays) });
  }
  return results;
}
