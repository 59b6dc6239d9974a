import type { IncomingMessage } from "node:http";

// Who is asking, for the per-client budget (docs/architecture.md §13). Next fills X-Forwarded-For with the
// socket's address only when the request has none, so a client can choose its own: that header is trusted
// only behind configured reverse proxies. Otherwise the address is the socket's, which Next does not pass on
// to route handlers or pages: the server writes it into a header of its own, overwriting whatever came.

export const PEER_HEADER = "x-aisle-peer";

/**
 * Makes every HTTP server in this process stamp each request with its socket's address (called once, at
 * start, by instrumentation.ts). A client's own `x-aisle-peer` is overwritten.
 */
export async function stampPeerAddresses(): Promise<void> {
  const http = await import("node:http");
  const proto = http.Server.prototype as { emit: (event: string, ...args: unknown[]) => boolean; aislePeerStamped?: boolean };
  if (proto.aislePeerStamped) return;
  proto.aislePeerStamped = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
}

/**
 * The client's address: with `trustedProxies` reverse proxies in front, the X-Forwarded-For entry the
 * outermost of them appended; else the socket's. Undefined when neither is known (a test calling a route).
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | undefined {
  if (trustedProxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
    const address = hops[hops.length - trustedProxies];
    if (address) return address;
  }
  return headers.get(PEER_HEADER) || undefined;
}
