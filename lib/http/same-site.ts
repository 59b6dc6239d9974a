import { refuseForeignOrigin, type ActionRefusal, type HeaderReader } from "./action-guard";

/**
 * A JSON API's writes are taken from this site's pages (or from clients that send no Origin, as curl), never
 * from another site's: the same rule as a server action's (action-guard), without its body limit (each
 * route reads its body within its own).
 */
export function refuseCrossSite(request: { headers: HeaderReader; url: string }): ActionRefusal | undefined {
  return refuseForeignOrigin(request.headers, request.headers.get("host") ?? new URL(request.url).host);
}
