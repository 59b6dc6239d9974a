import type { RankingOutcome } from "./events";

/** Why the pipeline gave up on the model: carried as the abort reason. */
export class DeadlineExceeded extends Error {
  readonly outcome: Extract<RankingOutcome, "first-item-timeout" | "stall-timeout">;

  constructor(outcome: DeadlineExceeded["outcome"], message: string) {
    super(message);
    this.name = "DeadlineExceeded";
    this.outcome = outcome;
  }
}

/**
 * The two deadlines of docs/architecture.md §3.5: no first item within `firstItemMs` of the start, or no new text within
 * `stallMs` of the last chunk, aborts `controller` with a DeadlineExceeded.
 */
export class Deadlines {
  private readonly controller: AbortController;
  private readonly stallMs: number;
  private firstItemTimer: ReturnType<typeof setTimeout> | undefined;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(controller: AbortController, firstItemMs: number, stallMs: number) {
    this.controller = controller;
    this.stallMs = stallMs;
    this.firstItemTimer = setTimeout(
      () => this.expire(new DeadlineExceeded("first-item-timeout", `no first item within ${firstItemMs} ms`)),
      firstItemMs,
    );
  }

  chunkArrived(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(
      () => this.expire(new DeadlineExceeded("stall-timeout", `no new text for ${this.stallMs} ms`)),
      this.stallMs,
    );
  }

  firstItemArrived(): void {
    clearTimeout(this.firstItemTimer);
    this.firstItemTimer = undefined;
  }

  dispose(): void {
    clearTimeout(this.firstItemTimer);
    clearTimeout(this.stallTimer);
  }

  private expire(reason: DeadlineExceeded): void {
    this.dispose();
    this.controller.abort(reason);
  }
}
