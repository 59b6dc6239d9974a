/**
 * Runs once when a server process starts, before it answers requests (Next's instrumentation `register`):
 * the database is opened, migrated and seeded here, not inside the first visitor's request
 * (docs/architecture.md §10).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUp } = await import("@/lib/db/warm-up");
  await warmUp();
}
