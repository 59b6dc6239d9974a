import { z } from "zod";
import { cancelRanking } from "@/lib/ranking/service/live-rankings";

const idSchema = z.uuid();

/** POST /api/rankings/<id>/cancel — the page showing that ranking was left: stop its model request. */
export async function POST(_request: Request, { params }: RouteContext<"/api/rankings/[id]/cancel">): Promise<Response> {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return Response.json({ error: "the ranking id is not a UUID" }, { status: 400 });
  cancelRanking(id);
  // 204 whether or not it was live: nothing to learn from probing ids.
  return new Response(null, { status: 204 });
}
