import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, stampPeerAddresses } from "@/lib/http/client-address";

// Who a request counts as, for the per-client budget (lib/http/client-address.ts): the socket's address
// unless AISLE_TRUSTED_PROXIES reverse proxies append to X-Forwarded-For, and then the entry the outermost of
// them appended, never one a client wrote itself.

const SOCKET = "192.0.2.1";
const headers = (entries: [string, string][]) => new Headers(entries);
const peer = (extra: [string, string][] = []) => headers([[PEER_HEADER, SOCKET], ...extra]);

describe("clientAddress, no trusted proxy (AISLE_TRUSTED_PROXIES=0)", () => {
  it("is the socket's address, whatever X-Forwarded-For says", () => {
    expect(clientAddress(peer(), 0)).toBe(SOCKET);
    expect(clientAddress(peer([["x-forwarded-for", "203.0.113.9"]]), 0)).toBe(SOCKET);
    expect(clientAddress(peer([["x-forwarded-for", "203.0.113.9, 198.51.100.4"]]), 0)).toBe(SOCKET);
  });

  it("is unknown without a stamped socket address, even with an X-Forwarded-For", () => {
    expect(clientAddress(headers([]), 0)).toBeUndefined();
    expect(clientAddress(headers([["x-forwarded-for", "203.0.113.9"]]), 0)).toBeUndefined();
    expect(clientAddress(headers([[PEER_HEADER, ""]]), 0)).toBeUndefined();
  });
});

describe("clientAddress behind one trusted proxy (AISLE_TRUSTED_PROXIES=1)", () => {
  it("is the entry the proxy appended (the right-most), not what the client sent before it", () => {
    expect(clientAddress(peer([["x-forwarded-for", "203.0.113.9"]]), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "10.9.9.9, 203.0.113.9"]]), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.9"]]), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "2001:db8::1, 2001:db8::2"]]), 1)).toBe("2001:db8::2");
  });

  it("reads a header the client sent and the proxy added to as one list (two header lines)", () => {
    expect(clientAddress(peer([["x-forwarded-for", "10.9.9.9"], ["x-forwarded-for", "203.0.113.9"]]), 1)).toBe("203.0.113.9");
  });

  it("ignores blanks and spaces around entries, and a client's trailing comma", () => {
    expect(clientAddress(peer([["x-forwarded-for", "  10.9.9.9 ,  203.0.113.9  "]]), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "10.9.9.9,, , 203.0.113.9"]]), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "10.9.9.9,"], ["x-forwarded-for", "203.0.113.9"]]), 1)).toBe("203.0.113.9");
  });

  it("falls back to the socket's address when X-Forwarded-For is missing or holds no entry", () => {
    expect(clientAddress(peer(), 1)).toBe(SOCKET);
    expect(clientAddress(peer([["x-forwarded-for", ""]]), 1)).toBe(SOCKET);
    expect(clientAddress(peer([["x-forwarded-for", " , ,, "]]), 1)).toBe(SOCKET);
    expect(clientAddress(headers([]), 1)).toBeUndefined();
  });
});

describe("clientAddress behind two trusted proxies (AISLE_TRUSTED_PROXIES=2)", () => {
  it("is the entry the outer proxy appended (second from the right)", () => {
    expect(clientAddress(peer([["x-forwarded-for", "203.0.113.9, 10.0.0.2"]]), 2)).toBe("203.0.113.9");
    expect(clientAddress(peer([["x-forwarded-for", "6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.2"]]), 2)).toBe("203.0.113.9");
  });

  it("does not take a client's entry when the header has fewer entries than proxies: the socket's address", () => {
    expect(clientAddress(peer([["x-forwarded-for", "203.0.113.9"]]), 2)).toBe(SOCKET);
    expect(clientAddress(peer([["x-forwarded-for", ",203.0.113.9"]]), 2)).toBe(SOCKET);
  });
});

describe("stampPeerAddresses", () => {
  const proto = http.Server.prototype as { emit: (...args: unknown[]) => boolean; aislePeerStamped?: boolean };
  const originalEmit = proto.emit;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    await stampPeerAddresses();
    server = http.createServer((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ peer: request.headers[PEER_HEADER] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // The stamp patches every http.Server of the process: undo it for the tests that run after in this worker.
    proto.emit = originalEmit;
    delete proto.aislePeerStamped;
  });

  const seenPeer = (sent: Record<string, string>) =>
    new Promise<string | null>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path: "/", agent: false, headers: sent }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve((JSON.parse(body) as { peer: string | null }).peer));
      });
      request.on("error", reject);
      request.end();
    });

  it("writes the socket's address into x-aisle-peer, overwriting the one a client sent", async () => {
    expect(await seenPeer({})).toBe("127.0.0.1");
    expect(await seenPeer({ [PEER_HEADER]: "203.0.113.66" })).toBe("127.0.0.1");
    expect(await seenPeer({ [PEER_HEADER]: "" })).toBe("127.0.0.1");
  });

  it("patches once however often it is called", async () => {
    const patched = proto.emit;
    await stampPeerAddresses();
    expect(proto.emit).toBe(patched);
    expect(await seenPeer({ [PEER_HEADER]: "203.0.113.66" })).toBe("127.0.0.1");
  });
});
