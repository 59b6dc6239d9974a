export interface Point {
  x: number;
  y: number;
}

const at = (value: number) => value.toFixed(1);

/** A polyline through the points in order; a null breaks it, so a gap in the data is a gap on the page. */
export function linePath(points: readonly (Point | null)[]): string {
  let path = "";
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${at(point.x)} ${at(point.y)}`;
    drawing = true;
  }
  return path;
}

/** The runs of consecutive non-null entries. */
function runs<T>(entries: readonly (T | null)[]): T[][] {
  const found: T[][] = [];
  let current: T[] = [];
  for (const entry of entries) {
    if (entry === null) {
      if (current.length > 0) found.push(current);
      current = [];
    } else current.push(entry);
  }
  if (current.length > 0) found.push(current);
  return found;
}

/**
 * The area between an upper and a lower line, one closed shape per run of non-null entries: along the upper
 * edge, back along the lower. A run of one point is a narrow bar, so a lone interval still shows.
 */
export function bandPath(points: readonly ({ x: number; upper: number; lower: number } | null)[], loneWidth = 6): string {
  return runs(points)
    .map((run) => {
      const [only] = run;
      if (run.length === 1 && only) {
        const half = loneWidth / 2;
        return `M${at(only.x - half)} ${at(only.upper)}H${at(only.x + half)}V${at(only.lower)}H${at(only.x - half)}Z`;
      }
      const upper = run.map((point, index) => `${index === 0 ? "M" : "L"}${at(point.x)} ${at(point.upper)}`).join("");
      const lower = [...run].reverse().map((point) => `L${at(point.x)} ${at(point.lower)}`).join("");
      return `${upper}${lower}Z`;
    })
    .join("");
}
