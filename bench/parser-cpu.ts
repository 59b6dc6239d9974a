import { buildAnswer, chunk } from "./support/answer.ts";
import { median } from "./support/stats.ts";
import { CONTENDERS, TimeLimit, type Contender } from "./parsers.ts";

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

/** CPU: the whole answer in 4-character chunks, as fast as each can take it. */
export async function measureCpu(sizes: readonly number[], runs: number): Promise<CpuResult[]> {
  const results: CpuResult[] = [];
  for (const elements of sizes) {
    for (const contender of CONTENDERS) {
      const chunks = chunk(buildAnswer(elements, contender.key).text, 4);
      const times: number[] = [];
      let note: string | undefined;
      try {
        await timeOnce(contender, chunks, elements); // warm-up
        for (let run = 0; run < runs; run++) times.push(await timeOnce(contender, chunks, elements));
      } catch (error) {
        if (!(error instanceof TimeLimit)) throw error;
        note = `stopped after ${(contender.timeLimitMs ?? 0) / 1000} s (quadratic)`;
      }
      results.push({ contender: contender.name, elements, medianMs: note ? null : median(times), note });
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
