import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

/** Everything a provider needs to rank: the prompt, the output contract, and the facts behind them. */
export interface RankingRequest {
  messages: ChatMessage[];
  /** The JSON schema the answer must follow (DESIGN §4), with the candidate ids as an enum. */
  responseSchema: Record<string, unknown>;
  /** The name the schema is sent under (`json_schema.name`). */
  schemaName: string;
  /** The facts the prompt was written from; the simulated model ranks from these, the openai one ignores them. */
  shopper: ShopperProfile;
  signals: LiveSignals;
  candidates: readonly Product[];
}

/** A model behind one interface: a request in, the answer's text deltas out, as the model writes them. */
export interface ModelProvider {
  /** "simulated" or "openai". */
  readonly name: string;
  /** The model's name as the done line reports it. */
  readonly model: string;
  /** Must stop work and settle a pending read soon after `signal` aborts. */
  streamText(request: RankingRequest, signal: AbortSignal): AsyncIterable<string>;
}
