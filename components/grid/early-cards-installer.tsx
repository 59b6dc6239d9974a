// The function every early card's script calls (early-cards.tsx, docs/architecture.md §11): it moves the
// markup its <noscript> holds (text to a browser running scripts) into the grid's server list.

/** The list the early cards go into: a page has one ranked grid, and only a document load has this list. */
export const EARLY_GRID_ID = "early-grid";

/** The script each early card's boundary ends with (72 a page, hence short). */
export const PLACE_EARLY_CARD = "$AE(document.currentScript)";

/** Rendered by the server before the grid, so it is defined before the first early card's script runs. */
export function EarlyCardsInstaller({ nonce }: { nonce?: string }) {
  const install = `self.$AE=function(s){var l=document.getElementById(${JSON.stringify(EARLY_GRID_ID)}),n=s&&s.previousElementSibling;if(l&&n)l.insertAdjacentHTML("beforeend",n.textContent)}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: install }} />;
}
