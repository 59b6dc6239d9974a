// What the page's main thread spent its time on, from a Chromium trace (Playwright's browser.startTracing,
// the DevTools timeline categories): each slice's own time (its duration less its children's) goes to the
// kind of work it is, or its nearest ancestor's. Long tasks are the top-level tasks of 50 ms or more, as
// the Long Tasks API counts them.

export const TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"];

export const WORK_KINDS = ["HTML parsing", "framework & hydration", "inline scripts", "style & layout", "paint", "images", "GC", "other"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export interface MainThreadWork {
  /** ms of each kind of work over the trace. */
  total: Record<WorkKind, number>;
  /** The same, counting only the time inside long tasks. */
  inLongTasks: Record<WorkKind, number>;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

interface Slice {
  name: string;
  start: number;
  end: number;
  url?: string;
  children: Slice[];
}

/** The kind of a slice by its name (and a script's address); undefined: its parent's. */
function kindOf(slice: Slice, pageOrigin: string): WorkKind | undefined {
  switch (slice.name) {
    case "ParseHTML":
      return "HTML parsing";
    case "EvaluateScript":
    case "v8.compile":
    case "v8.run":
    case "v8.evaluateModule":
    case "FunctionCall":
    case "v8.callFunction":
    case "TimerFire":
    case "FireAnimationFrame":
    case "EventDispatch":
    case "RunMicrotasks":
      if (!slice.url) return undefined;
      return slice.url.includes("/_next/") ? "framework & hydration" : slice.url.startsWith(pageOrigin) ? "inline scripts" : undefined;
    case "UpdateLayoutTree":
    case "RecalculateStyles":
    case "Layout":
    case "ParseAuthorStyleSheet":
    case "IntersectionObserverController::computeIntersections":
      return "style & layout";
    case "PrePaint":
    case "Paint":
    case "Layerize":
    case "UpdateLayer":
    case "CompositeLayers":
    case "Commit":
    case "PaintImage":
      return "paint";
    case "Decode Image":
    case "ImageDecodeTask":
    case "Decode LazyPixelRef":
      return "images";
    case "MinorGC":
    case "MajorGC":
    case "V8.GC_SCAVENGER":
    case "V8.GC_MARK_COMPACTOR":
      return "GC";
    default:
      return undefined;
  }
}

const zero = (): Record<WorkKind, number> => Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as Record<WorkKind, number>;

/** The renderer main thread that parsed the page at `pageUrl`. */
function pageThread(events: readonly TraceEvent[], pageUrl: string): { pid: number; tid: number } | undefined {
  const mains = new Set(events.filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain").map((event) => `${event.pid}:${event.tid}`));
  const parse = events.find((event) => event.name === "ParseHTML" && mains.has(`${event.pid}:${event.tid}`) && (event.args?.beginData?.url ?? "").startsWith(pageUrl));
  return parse ? { pid: parse.pid, tid: parse.tid } : undefined;
}

/** Nests the thread's slices (complete events, and begin/end pairs) into trees of top-level tasks. */
function sliceTrees(events: readonly TraceEvent[]): Slice[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const roots: Slice[] = [];
  const stack: Slice[] = [];
  const open: Slice[] = [];
  const place = (slice: Slice) => {
    while (stack.length > 0 && (stack.at(-1) as Slice).end <= slice.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && slice.end <= parent.end) parent.children.push(slice);
    else roots.push(slice);
    stack.push(slice);
  };
  for (const event of sorted) {
    const url = event.args?.data?.url ?? event.args?.beginData?.url;
    if (event.ph === "X" && event.dur !== undefined) place({ name: event.name, start: event.ts, end: event.ts + event.dur, url, children: [] });
    else if (event.ph === "B") {
      const slice: Slice = { name: event.name, start: event.ts, end: Number.POSITIVE_INFINITY, url, children: [] };
      open.push(slice);
      place(slice);
    } else if (event.ph === "E") {
      const slice = open.findLast((candidate) => candidate.name === event.name && candidate.end === Number.POSITIVE_INFINITY);
      if (slice) slice.end = event.ts;
    }
  }
  return roots.filter((root) => Number.isFinite(root.end));
}

/** Attributes the main-thread time of the page at `pageUrl` over the whole trace (it covers one load). */
export function mainThreadWork(traceJson: string, pageUrl: string): MainThreadWork {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const result: MainThreadWork = { total: zero(), inLongTasks: zero(), longTasks: 0, longTaskMs: 0, longestTaskMs: 0 };
  const thread = pageThread(events, pageUrl);
  if (!thread) return result;
  const origin = new URL(pageUrl).origin;
  const mine = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && (event.ph === "X" || event.ph === "B" || event.ph === "E"));
  const add = (slice: Slice, inherited: WorkKind, into: Record<WorkKind, number>[]) => {
    const kind = kindOf(slice, origin) ?? inherited;
    const own = slice.end - slice.start - slice.children.reduce((sum, child) => sum + (child.end - child.start), 0);
    for (const totals of into) totals[kind] += Math.max(0, own) / 1000;
    for (const child of slice.children) add(child, kind, into);
  };
  for (const task of sliceTrees(mine)) {
    const durationMs = (task.end - task.start) / 1000;
    const long = durationMs >= 50;
    if (long) {
      result.longTasks += 1;
      result.longTaskMs += durationMs;
      result.longestTaskMs = Math.max(result.longestTaskMs, durationMs);
    }
    add(task, "other", long ? [result.total, result.inLongTasks] : [result.total]);
  }
  return result;
}
