import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeOpenAIServer, type FakeOpenAIServer, type FakeOpenAIServerOptions } from "./fake-openai-server";

/**
 * A local fake OpenAI server for the test file that calls this: started before its tests, its recorded
 * requests cleared before each, closed after. The returned object stands for the running server.
 */
export function fakeOpenAIServerPerFile(options: FakeOpenAIServerOptions = {}): FakeOpenAIServer {
  let running: FakeOpenAIServer | undefined;
  beforeAll(async () => {
    running = await startFakeOpenAIServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => running?.reset());
  return new Proxy({} as FakeOpenAIServer, {
    get(_target, key) {
      if (!running) throw new Error("the fake OpenAI server is used outside a test");
      const value: unknown = Reflect.get(running, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}
