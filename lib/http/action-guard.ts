// What a server action request must look like before Next's action handler sees it: Next answers a
// cross-site Origin or an oversized body with a 500, so these are refused first with a 4xx
// (docs/architecture.md §13).

/** Our actions take a product id and a quantity; this leaves room for any honest payload, and refuses bulk. */
export const MAX_ACTION_BODY_BYTES = 256 * 1024;

export type ActionRefusal = { status: 403 | 411 | 413; error: string };

/** What a guard reads of a request's headers: fetch's Headers, or a Node request's (lib/http/node-route.ts). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Refuses a request whose Origin is not this site (or not an origin at all). A request without an Origin is
 * not a browser's cross-site request (browsers always send it on a POST) and is let through, as Next does.
 */
export function refuseForeignOrigin(headers: HeaderReader, host: string): ActionRefusal | undefined {
  const origin = headers.get("origin");
  if (origin === null) return undefined;
  let originHost: string | undefined;
  try {
    const url = new URL(origin);
    if (url.protocol === "http:" || url.protocol === "https:") originHost = url.host;
  } catch {
    originHost = undefined;
  }
  if (originHost === undefined) return { status: 403, error: "This request's Origin is not a web address." };
  if (originHost !== host) return { status: 403, error: "Actions are taken only from this site's own pages." };
  return undefined;
}

/**
 * Refuses an action from another site (refuseForeignOrigin), or whose body is larger than the limit, or
 * whose size is not declared.
 */
export function refuseAction(headers: HeaderReader, host: string): ActionRefusal | undefined {
  const foreign = refuseForeignOrigin(headers, host);
  if (foreign) return foreign;
  const length = headers.get("content-length");
  if (length === null) {
    if (headers.get("transfer-encoding") !== null) return { status: 411, error: "An action's body must declare its length." };
    return undefined;
  }
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 411, error: "An action's body must declare its length." };
  if (bytes > MAX_ACTION_BODY_BYTES) return { status: 413, error: `An action's body may be at most ${MAX_ACTION_BODY_BYTES / 1024} KB.` };
  return undefined;
}
