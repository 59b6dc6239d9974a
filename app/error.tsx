"use client";

import { useEffect } from "react";
import { PagePanel } from "@/components/layout/page-panel";

/** Any page that throws lands here: a message and a way back, never a blank page. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <PagePanel
      eyebrow="Something went wrong"
      title="This page didn’t load"
      action={
        <button type="button" onClick={() => retry()} className="rounded-full border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium hover:bg-paper-sunk">
          Try again
        </button>
      }
    >
      It’s on our side, not yours. Try again, or go back to your picks.
      {digest ? <p className="mt-2 font-mono text-xs text-ink-faint">Reference: {digest}</p> : null}
    </PagePanel>
  );
}
