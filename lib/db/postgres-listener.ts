import type { Client } from "pg";

// PostgreSQL's LISTEN needs a connection of its own, held open (a pooled client is returned between queries
// and would stop hearing). One per process, for every channel; when it drops (the server restarts) it comes
// back by itself, waiting longer each time, and listens again. What was notified meanwhile is not heard.

type Handler = (payload: string) => void;

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

export interface Listener {
  listen(channel: string, handler: Handler): Promise<void>;
  close(): Promise<void>;
}

export function postgresListener(url: string): Listener {
  const handlers = new Map<string, Set<Handler>>();
  let client: Client | undefined;
  let connecting: Promise<Client> | undefined;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const log = (event: string, error?: unknown) => console.error(JSON.stringify({ scope: "db", event, ...(error ? { error: String(error) } : {}) }));
  const quoted = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

  /** Connects again later, each time a little later (a failed try schedules the next itself). */
  function scheduleRetry(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((reason: unknown) => log("listener-retry-failed", reason));
    }, retryMs);
    retry.unref();
    retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
  }

  function dropped(which: Client, error?: unknown): void {
    if (client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    if (closed) return;
    log("listener-lost", error);
    scheduleRetry();
  }

  async function open(): Promise<Client> {
    const { Client } = await import("pg");
    const fresh = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    fresh.on("notification", (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    fresh.on("error", (error) => dropped(fresh, error));
    fresh.on("end", () => dropped(fresh));
    try {
      await fresh.connect();
      for (const channel of handlers.keys()) await fresh.query(`listen ${quoted(channel)}`);
    } catch (error) {
      fresh.end().catch(() => undefined);
      throw error;
    }
    client = fresh;
    retryMs = FIRST_RETRY_MS;
    return fresh;
  }

  function connect(): Promise<Client> {
    if (client) return Promise.resolve(client);
    connecting ??= open().finally(() => {
      connecting = undefined;
    });
    return connecting.catch((error: unknown) => {
      // Try again later: a failed first connection must not leave the process deaf for good.
      scheduleRetry();
      throw error;
    });
  }

  return {
    async listen(channel, handler) {
      const known = handlers.get(channel);
      if (known) {
        known.add(handler);
        return;
      }
      handlers.set(channel, new Set([handler]));
      const open = client ?? (await connect());
      await open.query(`listen ${quoted(channel)}`);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
