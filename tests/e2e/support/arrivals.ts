import type { Page } from "@playwright/test";

export interface Arrival {
  id: string;
  /** performance.now() of the MutationObserver callback that saw the card enter. */
  at: number;
  /**
   * The animation frame it entered in: how many requestAnimationFrame callbacks had run before. Cards with
   * the same frame reached the screen together.
   */
  frame: number;
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
    let frame = 0;
    const tick = () => {
      frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
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
            arrivals.push({ id, at, frame, gridState });
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export async function cardArrivals(page: Page): Promise<Arrival[]> {
  return page.evaluate(() => window.__arrivals ?? []);
}

/** How many of these arrivals entered in the same animation frame, at most. */
export function largestFrameBatch(arrivals: readonly Arrival[]): number {
  const perFrame = new Map<number, number>();
  for (const arrival of arrivals) perFrame.set(arrival.frame, (perFrame.get(arrival.frame) ?? 0) + 1);
  return Math.max(0, ...perFrame.values());
}
