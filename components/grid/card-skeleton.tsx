/** A placeholder with the card's exact geometry, so nothing shifts when the card arrives. */
export function CardSkeleton() {
  return (
    <div aria-hidden className="flex h-full flex-col overflow-hidden rounded-card border border-zinc-200 bg-paper-raised">
      <div className="aspect-square animate-pulse bg-paper-sunk motion-reduce:animate-none" />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="h-3 w-1/3 rounded bg-paper-sunk" />
        <div className="h-4 w-4/5 rounded bg-paper-sunk" />
        <div className="h-4 w-2/5 rounded bg-paper-sunk" />
        <div className="mt-1 h-12 w-full rounded bg-paper-sunk" />
        <div className="mt-auto pt-2">
          <div className="h-8 w-24 rounded-full bg-paper-sunk" />
        </div>
      </div>
    </div>
  );
}
