import { Suspense } from "react";
import type { GridEntry } from "./grid-entry";
import { GridCell } from "./grid-cell";
import { MoreForYou } from "./more-for-you";

// Cards that close before the page hydrates, on screen when they exist (docs/architecture.md §11).
//
// Each card also streams as its own Suspense boundary inside a hidden wrapper. React writes a finished
// boundary's HTML into the response at once; only its reveal is throttled (300 ms in React 19.2), and we
// never need the reveal: the boundary holds the card's markup in a <noscript> (text to a browser running
// scripts, so not in the DOM twice, and never hydrated) and a one-line script that parses that markup into
// the grid's server list. After hydration the client grid takes the list over and the list's id is gone, so
// later boundaries place nothing.

/** Defines the one function every early card's script calls; rendered before the grid. */
export function EarlyCardsInstaller({ nonce }: { nonce?: string }) {
  const install =
    'self.$AE=function(g,s){var l=document.getElementById(g),n=s&&s.previousElementSibling;if(l&&n)l.insertAdjacentHTML("beforeend",n.textContent)}';
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: install }} />;
}

interface EarlyCardsProps {
  /** How many cards the ranking will hold. */
  count: number;
  /** The ranking's entry at an index, once it exists (undefined once the ranking ended before it). */
  at: (index: number) => Promise<GridEntry | undefined>;
  gridId: string;
  nonce?: string;
}

/** One boundary per place, after the grid in the document, so each script finds the list already parsed. */
export function EarlyCards({ count, at, gridId, nonce }: EarlyCardsProps) {
  return (
    <div hidden>
      {Array.from({ length: count }, (_, index) => (
        <Suspense key={index} fallback={null}>
          <EarlyCard index={index} at={at} gridId={gridId} nonce={nonce} />
        </Suspense>
      ))}
    </div>
  );
}

async function EarlyCard({ index, at, gridId, nonce }: { index: number; at: EarlyCardsProps["at"]; gridId: string; nonce?: string }) {
  const entry = await at(index);
  if (entry?.type !== "card") return null;
  const before = index > 0 ? await at(index - 1) : undefined;
  const firstMore = entry.source === "fallback" && (before === undefined || (before.type === "card" && before.source === "model"));
  return (
    <>
      <noscript>
        {firstMore ? <MoreForYou /> : null}
        <GridCell id={entry.id}>{entry.card}</GridCell>
      </noscript>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `$AE(${JSON.stringify(gridId)},document.currentScript)` }} />
    </>
  );
}
