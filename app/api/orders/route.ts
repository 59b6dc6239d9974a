import { ensureBrowserId } from "@/lib/browser/current-browser";
import { jsonAnswer, jsonError, whileDatabaseAnswers } from "@/lib/http/json-answers";
import { readJsonBody } from "@/lib/http/json-body";
import { refuseCrossSite } from "@/lib/http/same-site";
import { checkout } from "@/lib/orders/checkout";
import { checkoutInput } from "@/lib/orders/orders";

const MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/orders {"name","email","idempotencyKey"} → 201 {"orderId","totalCents"} (200 when the key found the
 * order it made before): /checkout's form for a client that is not a page, through the same door
 * (lib/orders/checkout.ts). An empty cart, a bad body: 400; past the write budget: 429.
 */
export async function POST(request: Request): Promise<Response> {
  const refusal = refuseCrossSite(request);
  if (refusal) return jsonError(refusal.status, refusal.error);
  const body = await readJsonBody(request, checkoutInput, MAX_BODY_BYTES);
  if (!body.ok) return jsonError(body.status, body.error);
  return whileDatabaseAnswers(async () => {
    const placed = await checkout(await ensureBrowserId(), body.value);
    if (!placed.ok) return jsonError(placed.status, placed.error);
    return jsonAnswer({ orderId: placed.orderId, totalCents: placed.totalCents }, placed.created ? 201 : 200);
  });
}
