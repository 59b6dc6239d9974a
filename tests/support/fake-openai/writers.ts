import type { FakeUsage } from "./api.ts";
import type { CompletionPlan, ResponseContext } from "./completions.ts";
import { type ServerState, now, sendJson } from "./server.ts";

// Writers: the planned answer as an SSE stream (chunk by chunk, at its pace) or as one JSON body.

/** Writes the plan as SSE, one timer per chunk; all timers stop when the client goes away. */
export function streamCompletion(state: ServerState, ctx: ResponseContext, plan: CompletionPlan): void {
  const { res } = ctx;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  res.socket?.setNoDelay(true);
  res.flushHeaders();

  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    clearTimeout(timer);
    state.inFlight.delete(cancel);
  };
  state.inFlight.add(cancel);
  res.on("close", cancel);

  const stalled = (): boolean => plan.stallAfter !== undefined && sent >= plan.stallAfter;
  const step = (): void => {
    if (res.destroyed || stalled()) return;
    if (sent < plan.pieces.length) {
      writeContentChunk(ctx, plan.pieces[sent] ?? "", sent === 0);
      sent += 1;
    }
    if (stalled()) return; // stop writing but keep the socket open
    if (sent < plan.pieces.length) {
      const { slowAfter } = plan;
      const slow = slowAfter !== undefined && ctx.record.elementBeginTimes.length >= slowAfter.elements;
      timer = setTimeout(step, slow ? slowAfter.gapMs : plan.gapMs);
      return;
    }
    finishStream(ctx, plan);
  };
  timer = setTimeout(step, plan.firstDelayMs);
}

function writeContentChunk(ctx: ResponseContext, content: string, first: boolean): void {
  const delta = first ? { role: "assistant", content } : { content };
  const writtenAt = writeSse(ctx, JSON.stringify(chunkObject(ctx, delta, null)));
  recordWrite(ctx, content, writtenAt);
}

/** Timestamps the write, and every products element it opens or closes, for latency assertions. */
function recordWrite(ctx: ResponseContext, content: string, writtenAt: number): void {
  ctx.written += content;
  ctx.record.chunkTimes.push(writtenAt);
  const { begun, closed } = ctx.scanner.feed(content);
  for (let i = begun; i > 0; i--) ctx.record.elementBeginTimes.push(writtenAt);
  for (let i = closed; i > 0; i--) ctx.record.elementCloseTimes.push(writtenAt);
}

/** The finish chunk, then (when planned) the usage: on a chunk of its own with `choices: []`, as OpenAI does. */
function finishStream(ctx: ResponseContext, plan: CompletionPlan): void {
  const usage = plan.usage ? usageObject(ctx, plan, plan.usage.figures) : undefined;
  const usageOnFinish = plan.usage?.onFinishChunk === true;
  writeSse(ctx, JSON.stringify(chunkObject(ctx, {}, "stop", usageOnFinish ? usage : undefined)));
  if (usage && !usageOnFinish) writeSse(ctx, JSON.stringify(usageChunkObject(ctx, usage)));
  if (!plan.endWithoutDone) writeSse(ctx, "[DONE]");
  ctx.res.end();
}

function writeSse(ctx: ResponseContext, data: string): number {
  ctx.res.write(`data: ${data}\n\n`);
  return now();
}

function chunkObject(ctx: ResponseContext, delta: Record<string, unknown>, finishReason: string | null, usage?: unknown): unknown {
  return {
    id: ctx.id,
    object: "chat.completion.chunk",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(usage === undefined ? {} : { usage }),
  };
}

function usageChunkObject(ctx: ResponseContext, usage: unknown): unknown {
  return { id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: ctx.model, system_fingerprint: null, choices: [], usage };
}

/** The given figures, the rest estimated at four characters a token; details only when cached tokens are given. */
function usageObject(ctx: ResponseContext, plan: CompletionPlan, figures: FakeUsage): unknown {
  const prompt = figures.prompt_tokens ?? plan.promptTokens;
  const completion = figures.completion_tokens ?? Math.ceil(ctx.written.length / 4);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(figures.cached_tokens === undefined ? {} : { prompt_tokens_details: { cached_tokens: figures.cached_tokens } }),
  };
}

/** Non-streaming answer: the whole content after firstDelayMs; a stall never answers. */
export function answerWhole(state: ServerState, ctx: ResponseContext, plan: CompletionPlan): void {
  if (plan.stallAfter !== undefined) return;
  const timer = setTimeout(() => {
    state.inFlight.delete(cancel);
    if (ctx.res.destroyed) return;
    const content = plan.pieces.join("");
    recordWrite(ctx, content, now());
    sendJson(ctx.res, 200, completionObject(ctx, content, usageObject(ctx, plan, plan.usage?.figures ?? {})));
  }, plan.firstDelayMs);
  const cancel = (): void => {
    clearTimeout(timer);
    state.inFlight.delete(cancel);
  };
  state.inFlight.add(cancel);
  ctx.res.on("close", cancel);
}

function completionObject(ctx: ResponseContext, content: string, usage: unknown): unknown {
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: null,
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" },
    ],
    usage,
  };
}
