import { freePorts, spawnNext, timePage, type NextProcess } from "../support/next-process.ts";
import { SHOPPERS } from "../support/ranking-request.ts";
import { usage } from "../support/server.ts";

// The store on a catalog: `npm start` on the database the catalog was imported into, first visits of the home
// page (one demo shopper after another, each a fresh ranking) and of search pages, timed to their first byte;
// the server's memory after.

/** The simulated model at a moderate pace: the pages' first bytes come before its first token either way. */
export const PAGE_MODEL_ENV = { AISLE_PROVIDER: "simulated", AISLE_SIM_TTFT_MS: "300", AISLE_SIM_TOKENS_PER_SECOND: "400", AISLE_RANKINGS_PER_MINUTE: "100000" };

/** The demo shoppers' ids, one first visit each. */
export const DEMO_SHOPPERS = SHOPPERS.map((shopper) => shopper.id);

export interface PageTimes {
  homeFirstByte: number[];
  searchFirstByte: number[];
  /** Resident memory of the server's process tree after the loads, MB. */
  rssMb: number;
  errors: string[];
}

export async function startStore(env: Record<string, string>): Promise<NextProcess> {
  const [port] = await freePorts(1);
  const server = await spawnNext({ command: "launch", port: port as number, env: { ...PAGE_MODEL_ENV, ...env } });
  const ready = await server.waitForLine(/Ready on/, 180_000);
  if (!ready) {
    await server.stop();
    throw new Error(`npm start did not get ready: ${server.lines.slice(-6).map((line) => line.text).join(" / ")}`);
  }
  return server;
}

export async function timePages(env: Record<string, string>, runs: number, queries: readonly string[]): Promise<PageTimes> {
  const server = await startStore(env);
  const errors: string[] = [];
  const homeFirstByte: number[] = [];
  const searchFirstByte: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const shopper = DEMO_SHOPPERS[i % DEMO_SHOPPERS.length] as string;
      const home = await timePage(`${server.url}/?shopper=${shopper}`, 120_000);
      if (home.status !== 200 || home.cards === 0) errors.push(`home for ${shopper}: status ${home.status}, ${home.cards} cards`);
      else homeFirstByte.push(home.firstByte);
      const q = queries[i % queries.length] as string;
      const search = await timePage(`${server.url}/?shopper=${shopper}&q=${encodeURIComponent(q)}`, 120_000);
      if (search.status !== 200) errors.push(`search "${q}": status ${search.status}`);
      else searchFirstByte.push(search.firstByte);
    }
    return { homeFirstByte, searchFirstByte, rssMb: usage(server.pid).rssMb, errors };
  } finally {
    await server.stop();
  }
}
