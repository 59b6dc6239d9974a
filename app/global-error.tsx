"use client";

import "./globals.css";

/** When even the root layout fails: its own document, plain but with a way back. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-paper p-8 text-center font-sans text-ink">
        <title>Something went wrong · Aisle</title>
        <div>
          <h1 className="text-2xl font-semibold">Aisle didn’t load</h1>
          <p className="mt-2 text-ink-soft">Try again in a moment.</p>
          <div className="mt-6 flex justify-center gap-3">
            <button type="button" onClick={() => retry()} className="rounded-full border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium">
              Try again
            </button>
            {/* A full reload on purpose: the app's router may be what broke. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="rounded-full bg-ink px-5 py-2.5 text-sm font-medium text-white">
              Back to your picks
            </a>
          </div>
        </div>
      </body>
    </html>
  );
}
