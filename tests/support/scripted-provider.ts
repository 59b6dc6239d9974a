import type { ModelProvider, RankingRequest, ReportedUsage } from "@/lib/llm/types";

export type Step = string | { wait: number } | { fail: Error } | { usage: ReportedUsage } | "stall";

/** A provider that plays a script: text deltas, waits, a usage report, a failure, or a stall that only an abort ends. */
export function scriptedProvider(steps: Step[]) {
  const calls: { request: RankingRequest; signal: AbortSignal; handedOut: number }[] = [];
  const provider: ModelProvider = {
    name: "scripted",
    model: "script-1",
    async *stream(request, signal) {
      const call = { request, signal, handedOut: 0 };
      calls.push(call);
      for (const step of steps) {
        if (typeof step === "string" && step !== "stall") {
          call.handedOut += step.length; // the characters the reader has been given
          yield step;
        } else if (typeof step === "object" && "usage" in step) yield { type: "usage" as const, usage: step.usage };
        else if (step === "stall") await new Promise(() => {}); // ignores the signal on purpose
        else if ("wait" in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
        else throw step.fail;
      }
    },
  };
  return { provider, calls };
}

/** Splits a text into pieces of `size` characters, as a model's deltas. */
export function chunked(text: string, size = 4): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
