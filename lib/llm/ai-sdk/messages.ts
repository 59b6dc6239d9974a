import type { ModelMessage } from "ai";
import type { ChatMessage } from "../types";

/** Anthropic's explicit prompt-cache mark; other providers ignore the `anthropic` key (they cache exact prefixes on their own). */
const CACHE_BREAKPOINT = { anthropic: { cacheControl: { type: "ephemeral" } } } as const;

/**
 * The prompt as AI SDK messages, in the same order and bytes. A system message's content is a plain string
 * in the SDK, so its mark goes on the message; a user message's goes on its one text part.
 */
export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  return messages.map(({ role, content, cacheBreakpoint }): ModelMessage => {
    const mark = cacheBreakpoint ? { providerOptions: CACHE_BREAKPOINT } : {};
    return role === "system" ? { role, content, ...mark } : { role, content: [{ type: "text", text: content, ...mark }] };
  });
}
