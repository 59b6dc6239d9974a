// Money is whole cents (lib/db/schema.ts). A price in dollars — a JSON number or, from a CSV, its text — is
// taken when it is positive and has at most two decimals; a third decimal is refused, never rounded: it is a
// data error or another currency's minor unit (KWD has three), and rounding would silently change what a
// shopper pays. The largest price is what an integer column holds in cents.

/** The most a price may be: PostgreSQL's integer holds 2,147,483,647 cents. */
export const MAX_PRICE_CENTS = 2_147_483_647;

export type PriceResult = { ok: true; cents: number } | { ok: false; message: string };

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** How a value is shown in a message: as it was written, cut short. */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : value === undefined ? "nothing" : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function priceToCents(value: unknown): PriceResult {
  const bad = (why: string): PriceResult => ({ ok: false, message: `${why}, got ${shown(value)}` });
  let dollars: number;
  if (typeof value === "number") dollars = value;
  else if (typeof value === "string" && DECIMAL.test(value.trim())) {
    if ((value.trim().split(".")[1]?.length ?? 0) > 2) return bad("must have at most 2 decimals (money is whole cents)");
    dollars = Number(value.trim());
  } else return bad("must be a positive number");
  if (!Number.isFinite(dollars) || dollars <= 0) return bad("must be a positive number");
  const cents = Math.round(dollars * 100);
  // 19.99 * 100 is 1998.9999999999998 in floating point: a third decimal shows as a whole fraction of a cent.
  if (Math.abs(dollars * 100 - cents) > 1e-6) return bad("must have at most 2 decimals (money is whole cents)");
  if (cents < 1) return bad("must be at least 0.01");
  if (cents > MAX_PRICE_CENTS) return bad(`must be at most ${MAX_PRICE_CENTS / 100}`);
  return { ok: true, cents };
}
