import { wrapLanguageModel, type LanguageModelMiddleware } from "ai";
import type { AiSdkModel } from "./resolve-model";

type StreamResult = Awaited<ReturnType<NonNullable<LanguageModelMiddleware["wrapStream"]>>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer Part> ? Part : never;

/**
 * A stream that breaks (a dropped connection) errors every stream piped from it, and an erroring stream
 * discards the chunks queued in it: streamText reads ahead through several of them, so text the server
 * had already sent — elements our reader has not reached yet — would be lost. Handing the failure over
 * as a last `error` part instead keeps it in order, after that text.
 */
function errorAsLastPart(stream: ReadableStream<StreamPart>): ReadableStream<StreamPart> {
  const reader = stream.getReader();
  return new ReadableStream<StreamPart>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.enqueue({ type: "error", error });
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

const inBandErrors: LanguageModelMiddleware = {
  wrapStream: async ({ doStream }) => {
    const result = await doStream();
    return { ...result, stream: errorAsLastPart(result.stream) };
  },
};

/** The model, with a broken stream's error delivered after the text read before it. */
export function withInBandErrors(model: AiSdkModel): AiSdkModel {
  return wrapLanguageModel({ model, middleware: inBandErrors });
}
