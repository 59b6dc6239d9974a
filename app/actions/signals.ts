"use server";

import { z } from "zod";
import { getCategory, getProduct } from "@/lib/catalog/catalog";
import { ensureBrowserId } from "@/lib/browser/current-browser";
import { searchQuerySchema } from "@/lib/ranking/service/query";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { recordEvent } from "@/lib/signals/events";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

// Recorded from the page once it is really shown (not when a link is prefetched): views, searches, categories.

const visitInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("view"), productId: z.string().regex(/^[0-9]{1,12}$/) }),
  z.object({ kind: z.literal("search"), query: searchQuerySchema.pipe(z.string().min(1)) }),
  z.object({ kind: z.literal("category"), category: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
]);

export async function recordVisit(input: unknown): Promise<{ ok: boolean }> {
  const parsed = visitInput.safeParse(input);
  if (!parsed.success) return { ok: false };
  const visit = parsed.data;
  try {
    // Only what exists becomes a signal.
    if (visit.kind === "view" && !(await getProduct(visit.productId))) return { ok: false };
    if (visit.kind === "category" && !(await getCategory(visit.category))) return { ok: false };
    await recordEvent(await ensureBrowserId(), await rememberedShopperId(), visit);
    return { ok: true };
  } catch (error) {
    // A signal lost while the database is away is not worth an error page.
    if (isDatabaseUnavailable(error)) return { ok: false };
    throw error;
  }
}
