// Whether an error means "the database is not answering" (an outage a client should retry after), as
// opposed to a bug: the API answers the first with 503 and Retry-After, pages with a "try again" page
// (docs/architecture.md §14).

/** PostgreSQL's SQLSTATEs for a server going away or refusing connections, and Node's socket errors. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300", // too_many_connections
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/** Looks through the error and its causes (Drizzle wraps the driver's error). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    // An AggregateError (a connection tried on several addresses) holds the real ones.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = cause;
  }
  return false;
}

/** What a client is told while the database is away. */
export const DATABASE_UNAVAILABLE = {
  error: "The store's database is not answering right now. Please try again in a moment.",
  retryAfterSeconds: 5,
} as const;
