import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { routesWarm } from "@/lib/process/warm-routes";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/health → 200 `{"database":"ok"}` once the server is ready for visitors; 503 with Retry-After and
 * `{"error", "status"}` while it is still warming its routes after a start (`starting`), or while the database
 * is not answering (`database-unavailable`).
 */
export async function GET(): Promise<Response> {
  if (!routesWarm()) {
    return Response.json(
      { error: "The server is starting up. Please try again in a moment.", status: "starting" },
      { status: 503, headers: { ...NO_STORE, "retry-after": "1" } },
    );
  }
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ database: "ok" }, { headers: NO_STORE });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json(
      { error: DATABASE_UNAVAILABLE.error, status: "database-unavailable" },
      { status: 503, headers: { ...NO_STORE, "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) } },
    );
  }
}
