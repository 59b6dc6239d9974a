import { CardSkeleton } from "./card-skeleton";

/** What the picks look like before the ranking starts: the heading's and the first rows' exact places. */
export function PicksSkeleton() {
  return (
    <div aria-hidden>
      <div className="mb-5 h-[3.75rem] sm:h-16">
        <div className="h-8 w-48 rounded bg-paper-sunk" />
        <div className="mt-2 h-4 w-72 max-w-full rounded bg-paper-sunk" />
      </div>
      <div className="mb-3 h-5" />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <CardSkeleton key={index} />
        ))}
      </div>
    </div>
  );
}
