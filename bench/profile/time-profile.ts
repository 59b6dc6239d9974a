import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { events } from "@/lib/db/schema";
import { getOwnShopper } from "@/lib/shoppers/own-shopper";

// Run by the profile section in a process of its own, on the database its environment names
// (`node --import ./eval/register.ts bench/profile/time-profile.ts RUNS OTHERS`): one shopper with 10,000
// events (views, searches, category visits, cart adds over a year), 50 orders, ratings and "not interested"
// answers; OTHERS events of other browsers around them. Times deriving that shopper's profile as a ranking
// does (lib/shoppers/own-shopper.ts), then prints one JSON line.

const runs = Number(process.argv[2] ?? 50);
const others = Number(process.argv[3] ?? 0);
const SHOPPER_EVENTS = 10_000;

const db = await getDb();
const browser = crypto.randomUUID();
// A year of history, newest last; products 1–72, searches among a few words, categories by slug.
await db.execute(sql`
  insert into events (browser_id, shopper_id, kind, product_id, query, category, created_at)
  select ${browser}::uuid, 'me',
         (array['view','view','view','search','category','cart-add'])[1 + i % 6],
         case when i % 6 in (0, 1, 2, 5) then (1 + i % 72)::text end,
         case when i % 6 = 3 then (array['sci-fi','yoga mat','headphones','tent','serum'])[1 + i % 5] end,
         case when i % 6 = 4 then (array['books','fitness','electronics','outdoors'])[1 + i % 4] end,
         now() - make_interval(mins => (${SHOPPER_EVENTS} - i) * 52)
  from generate_series(1, ${SHOPPER_EVENTS}) as i`);
if (others > 0) {
  await db.execute(sql`
    insert into events (browser_id, shopper_id, kind, product_id, created_at)
    select gen_random_uuid(), 'me', 'view', (1 + i % 72)::text, now() - make_interval(secs => i)
    from generate_series(1, ${others}) as i`);
}
for (let order = 0; order < 50; order++) {
  const id = crypto.randomUUID();
  await db.execute(sql`insert into orders (id, browser_id, idempotency_key, name, email, total_cents, created_at)
    values (${id}, ${browser}, ${crypto.randomUUID()}, 'Bench', 'bench@example.com', 1000, now() - make_interval(days => ${order * 7}))`);
  await db.execute(sql`insert into order_items (order_id, product_id, name, price_cents, quantity) values (${id}, ${String(1 + (order % 72))}, 'x', 1000, 1)`);
}
await db.execute(sql`insert into product_ratings (browser_id, product_id, stars) select ${browser}::uuid, (1 + i)::text, 1 + i % 5 from generate_series(0, 19) as i`);
await db.execute(sql`insert into not_interested (browser_id, product_id) select ${browser}::uuid, (40 + i)::text from generate_series(0, 9) as i`);
await db.execute(sql`analyze`);

const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(events);
// One untimed pass: the caches and the planner's statistics as a running store has them.
const first = await getOwnShopper(browser, "UTC");
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  await getOwnShopper(browser, "UTC");
  times.push(performance.now() - started);
}
await closeDb();
console.log(JSON.stringify({ eventsTable: counted?.n ?? 0, shopperEvents: SHOPPER_EVENTS, times, facts: first.facts.length, profile: first.profile }));
