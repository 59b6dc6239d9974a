// Rankings being streamed by this server process, so a client that leaves stops its model request
// (docs/architecture.md, "Nobody pays for tokens nobody reads"). A page left by a client-side navigation
// keeps the document's connection open, so it cancels by id (a beacon); ids are random UUIDs: unguessable.

import { processSingleton } from "@/lib/process/process-singleton";

// The page and the API register what the cancel route aborts: one registry for the whole process.
const live = processSingleton("live-rankings", () => new Map<string, AbortController>());

export interface LiveRanking {
  /** What the cancel route takes. */
  id: string;
  /** Aborts when the client leaves (disconnect, cancel by id, or `leave()`). */
  signal: AbortSignal;
  leave(): void;
}

/**
 * Opens a ranking's lifecycle: one abort hand-off for every way its client can leave. `clientGone` is the
 * request's own disconnect signal; the registration ends when the ranking is left or `finish` runs.
 */
export function openLiveRanking(clientGone?: AbortSignal): LiveRanking & { finish(): void } {
  const controller = new AbortController();
  const id = crypto.randomUUID();
  const finish = () => {
    if (live.get(id) === controller) live.delete(id);
  };
  live.set(id, controller);
  controller.signal.addEventListener("abort", finish, { once: true });
  if (clientGone?.aborted) controller.abort();
  else clientGone?.addEventListener("abort", () => controller.abort(), { once: true });
  return { id, signal: controller.signal, leave: () => controller.abort(), finish };
}

/** Aborts a live ranking; false when this process has none by that id (finished, or another instance's). */
export function cancelRanking(id: string): boolean {
  const controller = live.get(id);
  if (!controller) return false;
  controller.abort();
  live.delete(id);
  return true;
}
