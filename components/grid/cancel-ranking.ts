/** Tells the server a ranking's page is gone, so it stops the model request. Survives the page unloading. */
export function cancelRankingOnServer(rankingId: string): void {
  const url = `/api/rankings/${encodeURIComponent(rankingId)}/cancel`;
  if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url)) return;
  void fetch(url, { method: "POST", keepalive: true }).catch(() => undefined);
}
