import { HEALTH } from "../first-request.ts";
import { spawnNext, waitForOk, type NextProcess } from "../support/next-process.ts";
import type { FakeModel } from "./fake-model.ts";

// The app under test: a `next start` with the openai provider pointed at the fake model.

export async function startApp(port: number, fake: FakeModel, env: Record<string, string>): Promise<NextProcess> {
  const server = await spawnNext({
    command: "start",
    port,
    env: {
      AISLE_PROVIDER: "openai",
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: "bench-model",
      // A fresh in-memory database per part: nothing is a replay of another part's ranking, no budget carries over.
      AISLE_DATA_DIR: "memory://",
      ...env,
    },
  });
  try {
    // Ready: its database open and its routes warmed once (no model call), as a load balancer would wait.
    await waitForOk(server, HEALTH, 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The server's own log lines that say something went wrong (not the per-ranking warnings hostile models cause). */
export function serverErrors(server: NextProcess): string[] {
  return server.lines
    .map((line) => line.text)
    .filter((text) => /error|unhandled|exception|⨯/i.test(text) && !/"event":"(element-rejected|model-ended-early)"/.test(text))
    .slice(0, 10);
}
