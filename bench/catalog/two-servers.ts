import { request as httpRequest } from "node:http";
import { get, sleep } from "../abuse/http.ts";
import { pageSummary, readNdjson, wholeProblem } from "../abuse/rankings.ts";
import { DEMO_SHOPPERS, startStore } from "./pages.ts";
import { runTool } from "./tools.ts";

// Two `npm start` processes on one PostgreSQL, requests alternating between them (DESIGN §9): every ranking
// whole; the per-client budget of fresh rankings held across both (it lives in the database); and a page's
// cancel beacon that reaches the other process still stopping the model (PostgreSQL's NOTIFY,
// lib/ranking/service/cancel-everywhere.ts). Talks to 127.0.0.1 only; every loop is bounded.

/** Slow enough that a ranking is still streaming when its cancel arrives: 24 picks take ~8 s. */
const SLOW_MODEL = { AISLE_SIM_TTFT_MS: "300", AISLE_SIM_TOKENS_PER_SECOND: "60" };
const BUDGET = 10;
const PICKS = 24;

export interface TwoServersResult {
  rankings: number;
  whole: number;
  errors: string[];
  budget: { perMinute: number; sent: number; ok: number; refused: number; withRetryAfter: number };
  cancel: { crossServer: boolean; msToEnd: number; ranked: number; outcome: string } | { error: string };
}

/** A page load that calls `onText` with the HTML so far, as it streams. */
function streamPage(url: string, headers: Record<string, string>, onText: (html: string) => void, timeoutMs: number): Promise<{ status: number; html: string; endAt: number }> {
  return new Promise((resolve) => {
    const request = httpRequest(url, { agent: false, headers: { accept: "text/html", ...headers } }, (response) => {
      let html = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        html += chunk;
        onText(html);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, html, endAt: performance.now() }));
    });
    request.setTimeout(timeoutMs, () => request.destroy());
    request.on("error", () => resolve({ status: 0, html: "", endAt: performance.now() }));
    request.end();
  });
}

function post(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = httpRequest(url, { method: "POST", agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", () => resolve(0));
    request.end();
  });
}

export async function measureTwoServers(databaseUrl: string, queries: readonly string[]): Promise<TwoServersResult> {
  const env = { DATABASE_URL: databaseUrl, AISLE_TRUSTED_PROXIES: "1", AISLE_RANKINGS_PER_MINUTE: String(BUDGET), ...SLOW_MODEL };
  const servers = [await startStore(env), await startStore(env)];
  const errors: string[] = [];
  try {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    // 1. Rankings alternating between the two, each from a client of its own (its own address, no cookie).
    const asked = Array.from({ length: 12 }, (_, i) => ({ shopper: DEMO_SHOPPERS[i % DEMO_SHOPPERS.length] as string, ...(i % 2 === 0 ? {} : { q: queries[i % queries.length] }) }));
    const expected = await runTool("bench/catalog/candidates-of.ts", [JSON.stringify(asked)], { DATABASE_URL: databaseUrl }, 300_000);
    if (expected.code !== 0) throw new Error(`candidates-of failed: ${expected.stderr.slice(-400)}`);
    const lists = JSON.parse(expected.stdout.trim().split("\n").at(-1) ?? "[]") as string[][];
    const gots = await Promise.all(
      asked.map((query, i) => {
        const server = i % 2 === 0 ? a : b;
        const params = new URLSearchParams({ shopper: query.shopper, ...(query.q ? { q: query.q } : {}) });
        return get(`${server.url}/api/rankings?${params}`, { "x-forwarded-for": `10.1.0.${i + 1}` }, 120_000);
      }),
    );
    let whole = 0;
    gots.forEach((got, i) => {
      const parsed = got.status === 200 ? readNdjson(got) : undefined;
      const problem = !parsed ? `status ${got.status}${got.error ? ` (${got.error})` : ""}` : (parsed.bad ?? wholeProblem(parsed.items, parsed.summary, lists[i] ?? []));
      if (problem) errors.push(`ranking ${i + 1} (${i % 2 === 0 ? "A" : "B"}, ${JSON.stringify(asked[i])}): ${problem}`);
      else whole++;
    });

    // 2. One client (one cookie, one address) asking both servers in turn for fresh rankings: the budget is one.
    const cookie = `aisle-browser=${crypto.randomUUID()}`;
    const sent = BUDGET * 2;
    // All at once: one after another, at the slow model's pace, they would spread past the budget's minute.
    const budgetGots = await Promise.all(
      Array.from({ length: sent }, (_, i) => {
        const server = i % 2 === 0 ? a : b;
        // A different search each time: nothing to replay, every ranking fresh.
        const params = new URLSearchParams({ shopper: "12345", q: `${queries[i % queries.length]} ${i}` });
        return get(`${server.url}/api/rankings?${params}`, { cookie, "x-forwarded-for": "10.2.0.1" }, 120_000);
      }),
    );
    const ok = budgetGots.filter((got) => got.status === 200).length;
    const refused = budgetGots.filter((got) => got.status === 429);
    const withRetryAfter = refused.filter((got) => Number(got.headers["retry-after"]) > 0).length;
    // Held: never more than the budget across both servers. Sent all at once, a few fewer may pass: each request
    // spends on the cookie's count and the address's, which concurrent requests reach in different orders.
    if (ok > BUDGET || ok === 0 || ok + refused.length !== sent) errors.push(`budget across both: ${ok} × 200 and ${refused.length} × 429 for ${sent} fresh rankings, ${BUDGET} a minute`);
    if (withRetryAfter !== refused.length) errors.push(`budget across both: ${refused.length - withRetryAfter} of ${refused.length} 429s without Retry-After`);

    // 3. A page streamed from A; its cancel beacon sent to B.
    let cancelled: Promise<number> | undefined;
    let cancelledAt = 0;
    const page = await streamPage(
      `${a.url}/?shopper=runner-maya&q=${encodeURIComponent("gift for a runner")}`,
      { "x-forwarded-for": "10.3.0.1" },
      (html) => {
        if (cancelled) return;
        // In the page's RSC payload, a JSON string inside a script: its quotes escaped.
        const id = /\\?"rankingId\\?":\\?"([0-9a-f-]{36})/.exec(html)?.[1];
        // Once a card or two have streamed: the model is mid-answer.
        if (id && (html.match(/data-testid=\\?"ranked-card/g) ?? []).length >= 1) {
          cancelledAt = performance.now();
          cancelled = sleep(300).then(() => post(`${b.url}/api/rankings/${id}/cancel`));
        }
      },
      120_000,
    );
    const status = cancelled ? await cancelled : 0;
    // A cancelled ranking's page ends without a done summary (nobody is there to read one): what the model placed
    // is counted from the cards' markup (each placed card is in the HTML once, before hydration).
    const placed = (page.html.match(/data-source="model"/g) ?? []).length;
    const summary = pageSummary(page.html);
    let cancel: TwoServersResult["cancel"];
    if (!cancelled || status !== 204) cancel = { error: `page ${page.status}, cancel ${status || "never sent"}` };
    else {
      cancel = { crossServer: true, msToEnd: page.endAt - cancelledAt - 300, ranked: placed, outcome: summary ? summary.outcome : "stopped (no done summary)" };
      if (placed >= PICKS) errors.push(`cancel through B: A's model placed all ${placed} picks, it was not stopped`);
    }
    if ("error" in cancel) errors.push(`cancel through B: ${cancel.error}`);
    return { rankings: asked.length, whole, errors, budget: { perMinute: BUDGET, sent, ok, refused: refused.length, withRetryAfter }, cancel };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
