import { processSingleton } from "@/lib/process/process-singleton";
import { FULL_SHAPE, sameShape, type RequestShape } from "./request-shape";

// Per base URL and model, the shape the server last took: the next request goes straight to it instead of
// being refused again. Process-wide, since Next bundles each route with its own copy of this module.
const shapes = processSingleton("openai.request-shapes", () => new Map<string, RequestShape>());

function key(baseURL: string, model: string): string {
  return `${baseURL}\n${model}`;
}

export function rememberedShape(baseURL: string, model: string): RequestShape {
  return shapes.get(key(baseURL, model)) ?? FULL_SHAPE;
}

/** Keeps the shape that worked; logs the downgrade once, when what is remembered changes, not per request. */
export function rememberShape(baseURL: string, model: string, shape: RequestShape, reason: string): void {
  const previous = rememberedShape(baseURL, model);
  if (sameShape(previous, shape)) return;
  shapes.set(key(baseURL, model), shape);
  const dropped = [shape.promptCacheKey ? [] : ["prompt_cache_key"], shape.streamOptions ? [] : ["stream_options"]].flat();
  console.warn(
    JSON.stringify({ scope: "openai", event: "downgraded", baseURL, model, responseFormat: shape.responseFormat, dropped, reason }),
  );
}
