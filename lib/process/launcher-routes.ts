import type { IncomingMessage, ServerResponse } from "node:http";
import { processSingleton } from "./process-singleton.ts";

// Routes the `npm start` launcher (scripts/start.ts) answers itself, before Next's router: a request Next
// routes costs ~1 ms of the one JavaScript thread before any of our code runs, which a beacon a click cannot
// afford (BENCHMARKS.md §14). Only what the same process also serves through Next, with the same code:
// instrumentation's register() offers the handler here, the launcher finds it by method and path. Under
// `next dev` or `next start` nobody asks, and Next's route answers. The launcher loads this file with Node
// itself, outside Next's bundler (so it imports only import-free files, with their extension), and this
// process-wide registry is how both sides meet.

export type LauncherRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const routes = () => processSingleton("launcher-routes", () => new Map<string, LauncherRoute>());

/** Lets the launcher answer `method path` (a path without its query) with `route`. */
export function offerToLauncher(method: string, path: string, route: LauncherRoute): void {
  routes().set(`${method} ${path}`, route);
}

/** The route offered for this request, if any: matched on its method and its path, whatever its query. */
export function launcherRoute(request: IncomingMessage): LauncherRoute | undefined {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  return routes().get(`${request.method} ${query === -1 ? url : url.slice(0, query)}`);
}
