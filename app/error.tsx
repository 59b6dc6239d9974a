"use client";

import { useEffect, useState } from "react";
import { PagePanel } from "@/components/layout/page-panel";

/**
 * Any page that throws lands here: a message and a way back, never a blank page. A production error's
 * message is hidden from the browser, so the page asks the server whether its database is answering: an
 * outage gets its own words (docs/architecture.md §14).
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const [storeDown, setStoreDown] = useState(false);
  useEffect(() => {
    console.error(error);
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then(async (response) => setStoreDown(response.status === 503 && ((await response.json()) as { status?: string }).status === "database-unavailable"))
      .catch(() => undefined);
    return () => controller.abort();
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  const again = (
    <button type="button" onClick={() => retry()} className="rounded-full border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium hover:bg-paper-sunk">
      Try again
    </button>
  );
  if (storeDown) {
    return (
      <PagePanel eyebrow="One moment" title="The store is having trouble" action={again}>
        <span data-testid="store-trouble">Our database is not answering right now. Nothing you did was lost: try again in a moment.</span>
      </PagePanel>
    );
  }
  return (
    <PagePanel eyebrow="Something went wrong" title="This page didn’t load" action={again}>
      It’s on our side, not yours. Try again, or go back to your picks.
      {digest ? <p className="mt-2 font-mono text-xs text-ink-faint">Reference: {digest}</p> : null}
    </PagePanel>
  );
}
