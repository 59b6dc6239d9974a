"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { BROWSER_COOKIE, TIME_ZONE_COOKIE } from "@/lib/browser/browser-id";
import { currentBrowserId, ensureBrowserId } from "@/lib/browser/current-browser";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { takeWriteBudget } from "@/lib/http/write-budget";
import { markNotInterested, rateProduct, undoNotInterested, type Answer } from "@/lib/shoppers/answers";
import { forgetBrowser, REMOVABLE, removeFact as remove } from "@/lib/shoppers/forget";
import { SHOPPER_COOKIE } from "@/lib/shoppers/current";

// What a shopper says about products and about what the store knows of them. Each checks its input, writes
// only the calling browser's rows, within its budget of writes, and answers a sentence when it cannot.

const productId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "There is no such product.");
const answerInput = z.object({ productId });
const ratingInput = z.object({ productId, stars: z.coerce.number().int().min(1, "A rating is 1 to 5 stars.").max(5, "A rating is 1 to 5 stars.") });
const factInput = z.object({ kind: z.enum(REMOVABLE as [string, ...string[]]), value: z.string().min(1).max(200) });

async function write(work: (browserId: string) => Promise<Answer>): Promise<Answer> {
  try {
    const browserId = await ensureBrowserId();
    const refused = await takeWriteBudget(browserId);
    return refused ? { ok: false, error: refused } : await work(browserId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, error: DATABASE_UNAVAILABLE.error };
    throw error;
  }
}

/** "Not interested" in a recommended product: the grid drops it at once and re-ranks without it. */
export async function notInterested(input: unknown): Promise<Answer> {
  const parsed = answerInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "There is no such product." };
  return write((browserId) => markNotInterested(browserId, parsed.data.productId));
}

/** The product page's stars for something this browser bought. */
export async function rate(_previous: Answer | null, form: FormData): Promise<Answer> {
  const parsed = ratingInput.safeParse({ productId: form.get("productId"), stars: form.get("stars") });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "A rating is 1 to 5 stars." };
  const result = await write((browserId) => rateProduct(browserId, parsed.data.productId, parsed.data.stars));
  if (result.ok) refresh();
  return result;
}

/** /profile: removes one fact (the rows it comes from); "not interested" removed is an undo. */
export async function removeFact(form: FormData): Promise<void> {
  const parsed = factInput.safeParse({ kind: form.get("kind"), value: form.get("value") });
  if (!parsed.success) redirect("/profile?error=fact");
  const { kind, value } = parsed.data;
  const result = await write(async (browserId) => {
    if (kind === "not-interested") return undoNotInterested(browserId, value);
    await remove(browserId, kind as (typeof REMOVABLE)[number], value);
    return { ok: true };
  });
  redirect(result.ok ? "/profile" : `/profile?error=${encodeURIComponent(result.error)}`);
}

/** "Forget me": every row of this browser, in one transaction, and its cookies; it starts afresh. */
export async function forgetMe(): Promise<void> {
  const browserId = await currentBrowserId();
  if (browserId) {
    try {
      await forgetBrowser(browserId);
    } catch (error) {
      if (isDatabaseUnavailable(error)) redirect(`/profile?error=${encodeURIComponent(DATABASE_UNAVAILABLE.error)}`);
      throw error;
    }
  }
  const jar = await cookies();
  for (const name of [BROWSER_COOKIE, SHOPPER_COOKIE, TIME_ZONE_COOKIE]) jar.delete(name);
  redirect("/profile?forgotten=1");
}
