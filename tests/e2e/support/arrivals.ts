import type { Page } from "@playwright/test";

export interface Arrival {
  id: string;
  /** performance.now() of the MutationObserver callback that saw the card enter. */
  at: number;
  /** The grid's data-state at that moment. */
  gridState: string | null;
}

declare global {
  interface Window {
    __arrivals?: Arrival[];
  }
}

/**
 * Records, in the page, when each ranked card first enters the DOM. Call before navigating. A card placed
 * before hydration enters again when the client grid takes the list over: only its first entry counts.
 */
export async function recordCardArrivals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const arrivals: Arrival[] = [];
    const seen = new Set<string>();
    window.__arrivals = arrivals;
    new MutationObserver((records) => {
      const at = performance.now();
      const gridState = document.querySelector("[data-testid=ranked-grid]")?.getAttribute("data-state") ?? null;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const cards = node.matches("[data-testid=ranked-card]") ? [node] : [...node.querySelectorAll("[data-testid=ranked-card]")];
          for (const card of cards) {
            const id = card.getAttribute("data-product-id") ?? "";
            if (seen.has(id)) continue;
            seen.add(id);
            arrivals.push({ id, at, gridState });
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export async function cardArrivals(page: Page): Promise<Arrival[]> {
  return page.evaluate(() => window.__arrivals ?? []);
}
