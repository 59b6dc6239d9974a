import type { ServerResponse } from "node:http";
import { processSingleton } from "./process-singleton.ts";

// Pages first. On embedded PGlite a database statement runs on the one JavaScript thread that also renders
// pages, so the batch writer's inserts (1,000 click events a second are a few statements every 250 ms, ~4 ms
// each) land inside pages' rendering. Nobody waits for those writes, so the `npm start` launcher counts the
// pages it is serving, and the writer waits until none is — for a bounded time, then it goes anyway — taking
// its turns one an event-loop turn, so a page that arrives meanwhile goes first again (BENCHMARKS.md §14,
// docs/architecture.md §21). Somebody who needs the writes (a report, an add to cart) hurries them. Under
// `next start` or `next dev` nobody counts and nothing waits. The launcher loads this file with Node
// itself, outside Next's bundler (so it imports only import-free files, with their extension), and the
// process-wide state is how both sides meet (as lib/process/launcher-routes.ts).

interface Waiter {
  release: () => void;
  released: boolean;
}

interface Traffic {
  /** Responses the launcher handed to Next that have not closed yet. */
  pages: number;
  waiting: Waiter[];
  draining: boolean;
}

const traffic = (): Traffic => processSingleton<Traffic>("page-traffic", () => ({ pages: 0, waiting: [], draining: false }));

/** The launcher: a page (anything Next serves) is under way until its response closes. */
export function countPage(response: ServerResponse): void {
  const state = traffic();
  state.pages++;
  response.once("close", () => {
    state.pages--;
    if (state.pages === 0) drain(state);
  });
}

/** Pages being served now (what the tests and the bench read). */
export function pagesUnderWay(): number {
  return traffic().pages;
}

/** Work waiting for the pages to finish now (what the tests read). */
export function workWaitingForPages(): number {
  return traffic().waiting.filter((waiter) => !waiter.released).length;
}

/**
 * Resolves when no page is under way and the work that waited before this has had its turn — at once where
 * nothing is — or after `atMostMs` whatever the pages do, or once `hurry` aborts (somebody waits for the work).
 */
export function afterPages(atMostMs: number, hurry?: AbortSignal): Promise<void> {
  const state = traffic();
  if ((state.pages === 0 && state.waiting.length === 0) || atMostMs <= 0 || hurry?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const waiter: Waiter = {
      released: false,
      release: () => {
        if (waiter.released) return;
        waiter.released = true;
        clearTimeout(timer);
        hurry?.removeEventListener("abort", waiter.release);
        resolve();
      },
    };
    const timer = setTimeout(waiter.release, atMostMs);
    hurry?.addEventListener("abort", waiter.release, { once: true });
    state.waiting.push(waiter);
    if (state.pages === 0) drain(state);
  });
}

/** Lets one waiter go a turn (setImmediate runs after the turn's I/O: a page that arrived is counted first). */
function drain(state: Traffic): void {
  if (state.draining) return;
  state.draining = true;
  const step = () => {
    while (state.waiting[0]?.released) state.waiting.shift();
    const next = state.pages === 0 ? state.waiting.shift() : undefined;
    if (!next) {
      state.draining = false;
      return;
    }
    next.release();
    setImmediate(step);
  };
  setImmediate(step);
}
