// Rankings being streamed by this server process, so a page that is left (a client-side navigation does
// not close the document's connection) can stop its model request. Ids are random UUIDs: unguessable.

import { processSingleton } from "@/lib/process/process-singleton";

// The page registers what the cancel route aborts: one registry for the whole process.
const live = processSingleton("live-rankings", () => new Map<string, AbortController>());

export function registerRanking(id: string, controller: AbortController): () => void {
  live.set(id, controller);
  return () => {
    if (live.get(id) === controller) live.delete(id);
  };
}

/** Aborts a live ranking; false when this process has none by that id (finished, or another instance's). */
export function cancelRanking(id: string): boolean {
  const controller = live.get(id);
  if (!controller) return false;
  controller.abort();
  live.delete(id);
  return true;
}
