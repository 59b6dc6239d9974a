import { processSingleton } from "@/lib/process/process-singleton";

// At most AISLE_MAX_MODEL_STREAMS model requests open in this process (docs/architecture.md §13). A ranking
// waits a moment for a slot, in a bounded line; one that gets none is served the embedded ranker's order
// (`over-capacity`), never an error and never an unbounded queue.

/** How long a ranking may wait for a slot: about the time to a model's first token, no more. */
export const SLOT_WAIT_MS = 1_000;
/** How many rankings may wait at once, per slot. */
const WAITERS_PER_SLOT = 2;

export interface ModelSlots {
  /** A release function, or undefined when no slot came in time. */
  acquire(waitMs?: number): Promise<(() => void) | undefined>;
  readonly open: number;
  /** The most open at once so far (for the bench). */
  readonly peak: number;
}

export function createModelSlots(max: number): ModelSlots {
  let open = 0;
  let peak = 0;
  const waiting: ((granted: boolean) => void)[] = [];
  /** A slot's release: it passes straight to the next in line, so nobody can take it in between. */
  const release = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      if (next) next(true);
      else open--;
    };
  };
  return {
    get open() {
      return open;
    },
    get peak() {
      return peak;
    },
    async acquire(waitMs = SLOT_WAIT_MS) {
      if (open < max) {
        open++;
        peak = Math.max(peak, open);
        return release();
      }
      if (waiting.length >= max * WAITERS_PER_SLOT) return undefined;
      const granted = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          const index = waiting.indexOf(onTurn);
          if (index >= 0) waiting.splice(index, 1);
          resolve(false);
        }, waitMs);
        const onTurn = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        waiting.push(onTurn);
      });
      return granted ? release() : undefined;
    },
  };
}

/** This process's slots (pages and routes are bundled apart: one set for the whole process). */
export function processModelSlots(max: number): ModelSlots {
  return processSingleton(`model-slots-${max}`, () => createModelSlots(max));
}
