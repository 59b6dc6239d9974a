import { request as httpRequest } from "node:http";

// HTTP: one GET on its own connection, read to its end, each line timed.

export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** performance.now() when each complete line arrived (NDJSON). */
  lineTimes: number[];
  sentAt: number;
  /** performance.now() when the body's first bytes arrived (NaN for none). */
  firstByteAt: number;
  endAt: number;
  /** A transport failure or a timeout; the status is 0 then. */
  error?: string;
}

export function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Got> {
  return new Promise((resolve) => {
    const sentAt = performance.now();
    let settled = false;
    let firstByteAt = Number.NaN;
    const finish = (got: Omit<Got, "sentAt" | "firstByteAt" | "endAt">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...got, sentAt, firstByteAt, endAt: performance.now() });
    };
    const request = httpRequest(url, { agent: false, headers }, (response) => {
      const parts: string[] = [];
      const lineTimes: number[] = [];
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const now = performance.now();
        if (parts.length === 0) firstByteAt = now;
        parts.push(chunk);
        for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) lineTimes.push(now);
      });
      response.on("end", () => finish({ status: response.statusCode ?? 0, headers: response.headers, body: parts.join(""), lineTimes }));
      response.on("error", (error) => finish({ status: 0, headers: {}, body: parts.join(""), lineTimes, error: String(error) }));
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ status: 0, headers: {}, body: "", lineTimes: [], error: `no end in ${timeoutMs} ms` });
    }, timeoutMs);
    request.on("error", (error) => finish({ status: 0, headers: {}, body: "", lineTimes: [], error: String(error) }));
    request.end();
  });
}

export const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, msToWait)));
