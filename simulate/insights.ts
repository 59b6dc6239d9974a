import { z } from "zod";
import { Browser, StoreError } from "./browser";

// What GET /api/insights reports (DESIGN §4, Events and insights), read leniently: the simulator compares the
// figures it knows, and a rate an empty arm cannot have may be null.

const rate = z.number().nullable().optional();
const liftSchema = z.object({ value: z.number(), ci: z.tuple([z.number(), z.number()]), p: z.number().nullable().optional() }).nullable().optional();

const armSchema = z.object({
  shoppers: z.number().optional(),
  rankings: z.number(),
  ctr: rate,
  clicksPerRanking: rate,
  meanClickPosition: rate,
  addToCartRate: rate,
  orders: z.number().optional(),
  purchaseRate: rate,
  revenue: rate,
  revenuePer1000: rate,
  modelCostPer1000: rate,
  lift: z.object({ ctr: liftSchema, purchaseRate: liftSchema, revenuePer1000: liftSchema }).nullable().optional(),
});

export const insightsSchema = z.object({
  period: z.object({ from: z.string().nullable().optional(), to: z.string().nullable().optional() }).optional(),
  control: z.string(),
  arms: z.record(z.string(), armSchema),
  srm: z.object({ p: z.number().nullable(), ok: z.boolean() }).nullable().optional(),
  enoughData: z.boolean().optional(),
});

export type Insights = z.infer<typeof insightsSchema>;
export type ArmInsights = z.infer<typeof armSchema>;

export interface InsightsRead {
  insights: Insights;
  /** Reads made before the store's figures held every ranking and order of the run. */
  attempts: number;
}

/**
 * GET /api/insights?from=<start> with the admin token. Events and orders may be written a moment after they are
 * acknowledged (the store batches them), so the read is repeated — a few times, briefly — until the store counts at
 * least the rankings, clicks and orders the run made.
 */
export async function readInsights(origin: URL, token: string, from: Date, expected: { rankings: number; clicks: number; orders: number }, options: { timeoutMs: number; attempts?: number; pauseMs?: number }): Promise<InsightsRead> {
  const browser = new Browser(origin, options.timeoutMs);
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    const response = await browser.request("insights", `/api/insights?${new URLSearchParams({ from: from.toISOString() })}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 401) throw new StoreError("insights", "401: the store refused the admin token (--token or AISLE_ADMIN_TOKEN)", 401);
    if (response.status === 404) throw new StoreError("insights", "404: the store has no AISLE_ADMIN_TOKEN configured, or no /api/insights", 404);
    if (response.status !== 200) throw new StoreError("insights", `answered ${response.status}: ${response.text.slice(0, 200)}`, response.status);
    let parsed;
    try {
      parsed = insightsSchema.safeParse(JSON.parse(response.text));
    } catch {
      throw new StoreError("insights", "the answer is not JSON");
    }
    if (!parsed.success) throw new StoreError("insights", `unexpected shape: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    const arms = Object.values(parsed.data.arms);
    const rankings = arms.reduce((n, arm) => n + arm.rankings, 0);
    const orders = arms.reduce((n, arm) => n + (arm.orders ?? 0), 0);
    const clicks = arms.reduce((n, arm) => n + (arm.clicksPerRanking ?? 0) * arm.rankings, 0);
    if ((rankings >= expected.rankings && clicks >= expected.clicks - 0.5 && orders >= expected.orders) || attempt >= attempts) return { insights: parsed.data, attempts: attempt };
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 500));
  }
}
