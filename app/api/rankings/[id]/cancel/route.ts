import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { cancelEverywhere } from "@/lib/ranking/service/cancel-everywhere";

const idSchema = z.uuid();

/**
 * POST /api/rankings/<id>/cancel — the page showing that ranking was left: stop its model request, on this
 * server or, through PostgreSQL, on whichever server streams it.
 */
export async function POST(_request: Request, { params }: RouteContext<"/api/rankings/[id]/cancel">): Promise<Response> {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return Response.json({ error: "the ranking id is not a UUID" }, { status: 400 });
  try {
    await cancelEverywhere(id);
  } catch (error) {
    // The beacon's sender is gone either way; a database that cannot pass the word on is logged, not an error page.
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(JSON.stringify({ scope: "cancel", event: "database-unavailable", error: String(error) }));
  }
  // 204 whether or not it was live: nothing to learn from probing ids.
  return new Response(null, { status: 204 });
}
