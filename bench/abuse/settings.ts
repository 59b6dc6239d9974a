// The abuse section's settings (full and quick runs) and the pace, deadlines and budget its servers run with.

export interface AbuseSettings {
  /** Part 1: fresh rankings one client asks for, evenly over `windowMs`, at most `concurrency` at once. */
  budget: { requests: number; windowMs: number; concurrency: number; perMinute: number };
  /** Part 2: page loads at once, each from its own address. */
  cap: { pages: number; maxStreams: number };
  /** Part 3: rankings at once, every `every`-th model request hostile. */
  hostile: { rankings: number; every: number };
}

export const ABUSE_FULL: AbuseSettings = {
  budget: { requests: 300, windowMs: 10_000, concurrency: 16, perMinute: 20 },
  cap: { pages: 300, maxStreams: 32 },
  hostile: { rankings: 200, every: 10 },
};

export const ABUSE_QUICK: AbuseSettings = {
  budget: { requests: 40, windowMs: 3_000, concurrency: 8, perMinute: 20 },
  cap: { pages: 40, maxStreams: 32 },
  hostile: { rankings: 40, every: 10 },
};

/** The model's pace in parts 2 and 3: its first token after 600 ms, then one ~49-character element every ~100 ms. */
export const MODEL_PACE = { firstTokenMs: 600, chunkChars: 12, chunkGapMs: 25 };
export const HEALTHY_REASON = "Picked for the bench run.";
/** Deadlines of part 3, short so hostile streams end within the run. */
export const HOSTILE_DEADLINES = { stallMs: 2_000, firstItemMs: 3_000 };
/** A rate no client reaches (the configuration's maximum): parts 2 and 3 measure the cap and the pipeline, not the budget. */
export const NO_BUDGET = "100000";
