import { getDb } from "@/lib/db/client";
import { events, type EventKind } from "@/lib/db/schema";

export type ShopperEvent =
  | { kind: Extract<EventKind, "view" | "cart-add" | "cart-remove">; productId: string }
  | { kind: "search"; query: string }
  | { kind: "category"; category: string };

/** Records what a browser did, for the live signals. */
export async function recordEvent(browserId: string, shopperId: string, event: ShopperEvent): Promise<void> {
  const db = await getDb();
  await db.insert(events).values({
    browserId,
    shopperId,
    kind: event.kind,
    productId: "productId" in event ? event.productId : null,
    query: event.kind === "search" ? event.query : null,
    category: event.kind === "category" ? event.category : null,
  });
}
