import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config/env";
import { jsonAnswer, jsonError, whileDatabaseAnswers } from "@/lib/http/json-answers";
import { adminAccess, ADMIN_COOKIE } from "@/lib/insights/admin-access";
import { buildReport } from "@/lib/insights/report/build-report";
import { loadReportData } from "@/lib/insights/report/load-units";
import { parsePeriod } from "@/lib/insights/report/period";

/**
 * GET /api/insights[?from=ISO&to=ISO] with `Authorization: Bearer <AISLE_ADMIN_TOKEN>` → the experiment's
 * figures per arm (DESIGN §4; the same as /insights). No token configured: 404; a missing or wrong one: 401.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const access = adminAccess(request.headers.get("authorization"), request.cookies.get(ADMIN_COOKIE)?.value);
  if (access === "absent") return jsonError(404, "Not found.");
  if (access === "refused") return jsonError(401, "Unauthorized.", { "www-authenticate": 'Bearer realm="aisle-insights"' });
  const period = parsePeriod(request.nextUrl.searchParams);
  if (!period.ok) return jsonError(400, period.error);
  return whileDatabaseAnswers(async () => jsonAnswer(buildReport(await loadReportData(period.value), period.value, getConfig().experiment)));
}
