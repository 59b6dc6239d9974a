import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __glides?: string[];
  }
}

/**
 * Starts recording, in the page, every FLIP move of a ranked card (components/grid/use-flip.ts): a script
 * animation (not a CSS animation or transition) on a place of the grid that holds a ranked card, starting
 * from a `translate(…)` offset. Not the cards fading in (their keyframes start from an opacity), not the
 * skeletons' or the model badge's CSS animations. Sampled every animation frame, so a move that runs at all
 * is seen; each is recorded once, by the card's product id.
 */
export async function recordGlides(page: Page): Promise<void> {
  await page.evaluate(() => {
    const glides: string[] = [];
    const seen = new WeakSet<Animation>();
    window.__glides = glides;
    const sample = () => {
      for (const animation of document.getAnimations()) {
        if (seen.has(animation) || animation instanceof CSSAnimation || animation instanceof CSSTransition) continue;
        const effect = animation.effect;
        if (!(effect instanceof KeyframeEffect)) continue;
        const target = effect.target;
        if (!(target instanceof HTMLElement) || !target.matches("[data-testid=ranked-grid] > [data-flip-key]")) continue;
        const card = target.querySelector("[data-testid=ranked-card]");
        const from = effect.getKeyframes()[0]?.transform;
        if (!card || typeof from !== "string" || !from.startsWith("translate(")) continue;
        seen.add(animation);
        glides.push(card.getAttribute("data-product-id") ?? "");
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** The product ids of the cards that glided since `recordGlides`, one entry per move. */
export async function glides(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__glides ?? []);
}
