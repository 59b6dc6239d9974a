import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";

/** GET /api/health → 200 `{"database":"ok"}`, or 503 with Retry-After while the database is not answering. */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ database: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json(
      { error: DATABASE_UNAVAILABLE.error },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) } },
    );
  }
}
