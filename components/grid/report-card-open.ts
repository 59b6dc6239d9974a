import { cardOrigin } from "./card-origin";

/**
 * A card opened from a ranked grid (its link clicked, or middle-clicked into a tab) is reported by beacon to
 * POST /api/events: the browser sends it even as the page navigates away, and nothing waits for it.
 */
export function reportCardOpen(event: { target: EventTarget | null }, rankingId: string | null): void {
  if (!(event.target instanceof Element) || !event.target.closest("a[href]")) return;
  const origin = cardOrigin(event.target, rankingId);
  if (!origin || typeof navigator.sendBeacon !== "function") return;
  const body = JSON.stringify({ events: [{ id: crypto.randomUUID(), type: "click", ...origin }] });
  // Sent as text: Chrome refuses a JSON Blob to sendBeacon (crbug.com/490015); the route reads it as JSON.
  navigator.sendBeacon("/api/events", body);
}
