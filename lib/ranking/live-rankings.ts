// Rankings being streamed by this server process, so a page that is left (a client-side navigation does
// not close the document's connection) can stop its model request. Ids are random UUIDs: unguessable.

const live = new Map<string, AbortController>();

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
