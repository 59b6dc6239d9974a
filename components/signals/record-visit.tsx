"use client";

import { useEffect, useRef } from "react";
import { recordVisit } from "@/app/actions/signals";

type Visit = { kind: "view"; productId: string } | { kind: "search"; query: string } | { kind: "category"; category: string };

/** Records a visit once the page is really shown (a prefetch renders nothing on the client): a live signal. */
export function RecordVisit({ visit }: { visit: Visit }) {
  const key = JSON.stringify(visit);
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    // Once per visit, also under StrictMode's double effects.
    if (recorded.current === key) return;
    recorded.current = key;
    void recordVisit(JSON.parse(key)).catch(() => undefined);
  }, [key]);
  return null;
}
