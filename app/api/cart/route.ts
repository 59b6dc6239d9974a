import { ensureBrowserId } from "@/lib/browser/current-browser";
import { addToCartInput } from "@/lib/cart/cart-input";
import { addToBrowserCart } from "@/lib/cart/add-to-browser-cart";
import { cartCount } from "@/lib/cart/cart";
import { jsonAnswer, jsonError, whileDatabaseAnswers } from "@/lib/http/json-answers";
import { readJsonBody } from "@/lib/http/json-body";
import { refuseCrossSite } from "@/lib/http/same-site";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

const MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/cart {"productId","quantity"?,"from"?} → 200 {"ok":true,"quantity","count"}: the card's and product
 * page's "Add to cart" for a client that is not a page (the simulator, a headless storefront), through the
 * same door (lib/cart/add-to-browser-cart.ts). A client without the browser cookie is given one.
 */
export async function POST(request: Request): Promise<Response> {
  const refusal = refuseCrossSite(request);
  if (refusal) return jsonError(refusal.status, refusal.error);
  const body = await readJsonBody(request, addToCartInput, MAX_BODY_BYTES);
  if (!body.ok) return jsonError(body.status, body.error);
  return whileDatabaseAnswers(async () => {
    const browserId = await ensureBrowserId();
    const result = await addToBrowserCart(browserId, await rememberedShopperId(), body.value.productId, body.value.quantity, body.value.from);
    if (!result.ok) return jsonError(400, result.error);
    return jsonAnswer({ ok: true, quantity: result.quantity, count: await cartCount(browserId) });
  });
}
