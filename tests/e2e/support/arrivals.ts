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

/** Records, in the page, when each ranked card enters the DOM. Call before navigating. */
export async function recordCardArrivals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const arrivals: Arrival[] = [];
    window.__arrivals = arrivals;
    new MutationObserver((records) => {
      const at = performance.now();
      const gridState = document.querySelector("[data-testid=ranked-grid]")?.getAttribute("data-state") ?? null;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const cards = node.matches("[data-testid=ranked-card]") ? [node] : [...node.querySelectorAll("[data-testid=ranked-card]")];
          for (const card of cards) arrivals.push({ id: card.getAttribute("data-product-id") ?? "", at, gridState });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export async function cardArrivals(page: Page): Promise<Arrival[]> {
  return page.evaluate(() => window.__arrivals ?? []);
}
