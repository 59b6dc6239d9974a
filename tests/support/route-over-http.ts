import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { stampPeerAddresses } from "@/lib/http/client-address";

// A route handler behind a real HTTP server on 127.0.0.1, its requests stamped with their socket's address as
// the app's server stamps them (instrumentation.ts → stampPeerAddresses): what a client sends in its headers
// reaches the route as it would in production, x-aisle-peer overwritten.

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RouteServer {
  /** One GET on its own connection to 127.0.0.1, read to its end. */
  get(path: string, headers?: Record<string, string | string[]>): Promise<Answer>;
  close(): Promise<void>;
}

type Emit = (...args: unknown[]) => boolean;

export async function serveRoute(handler: (request: NextRequest) => Promise<Response>): Promise<RouteServer> {
  const proto = http.Server.prototype as { emit: Emit; aislePeerStamped?: boolean };
  const unstamped = { emit: proto.emit, stamped: proto.aislePeerStamped };
  await stampPeerAddresses();
  const server = http.createServer((incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
    }
    handler(new NextRequest(`http://127.0.0.1${incoming.url ?? "/"}`, { headers })).then(
      async (response) => {
        const body = await response.text();
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(body);
      },
      (error: unknown) => {
        outgoing.writeHead(500, { "content-type": "text/plain" });
        outgoing.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    get: (path, headers = {}) =>
      new Promise((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port, path, agent: false, headers }, (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
          response.on("error", reject);
        });
        request.on("error", reject);
        request.end();
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The stamp patches every http.Server of the process: undone for the tests that run after in this worker.
      proto.emit = unstamped.emit;
      if (unstamped.stamped) proto.aislePeerStamped = unstamped.stamped;
      else delete proto.aislePeerStamped;
    },
  };
}
