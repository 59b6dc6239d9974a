import Link from "next/link";
import type { Category } from "@/lib/catalog/types";
import type { Arm } from "@/lib/experiments/experiment";
import type { ShopperProfile } from "@/lib/shoppers/types";

interface PicksHeadingProps {
  shopper: ShopperProfile;
  q?: string;
  category?: Category;
  /** What retrieval found: every match, the search as read when corrected, the related products shown after few matches. */
  retrieval: { matches: number; moreMatches: boolean; corrected?: string; related: number };
  /** "simulated" or the openai model's name. */
  provider: { name: string; model: string };
  /** The experiment arm ranking this page: the badge says what ranks it (no "model" where no model ranks). */
  arm?: Arm;
}

function rankedBy(provider: PicksHeadingProps["provider"], arm: Arm): string {
  if (arm === "embedded") return "Ranked by Aisle's own ranker";
  if (arm === "popular") return "In order of popularity";
  return provider.name === "simulated" ? "Ranked by the simulated model (offline, no API key)" : `Ranked by ${provider.model}`;
}

const count = (n: number, more: boolean, one: string, many: string) => `${n.toLocaleString("en-US")}${more ? "+" : ""} ${n === 1 && !more ? one : many}`;

export function PicksHeading({ shopper, q, category, retrieval, provider, arm = "model" }: PicksHeadingProps) {
  const filtered = q !== undefined || category !== undefined;
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Picked for you</h1>
        <p className="mt-1 text-sm text-ink-soft">
          {filtered ? (
            <>
              {q !== undefined && retrieval.corrected ? (
                <>
                  Showing results for “<em data-testid="corrected" className="font-medium not-italic text-ink">{retrieval.corrected}</em>” (you typed “{q}”)
                </>
              ) : q !== undefined ? (
                <>
                  Results for “<span className="font-medium text-ink">{q}</span>”
                </>
              ) : (
                "Everything"
              )}
              {category ? <> in <span className="font-medium text-ink">{category.name}</span></> : null}
              , ranked for {shopper.name}.{" "}
              <span data-testid="match-count">
                {q !== undefined ? count(retrieval.matches, retrieval.moreMatches, "match", "matches") : count(retrieval.matches, retrieval.moreMatches, "product", "products")}
                {retrieval.related > 0 ? ", then similar products" : ""}.
              </span>{" "}
              <Link href="/" className="font-medium text-brand underline-offset-2 hover:underline">
                Clear
              </Link>
            </>
          ) : (
            <>
              {/* Not "live": a replayed ranking is shown here too (the status line says which). */}
              Ranked for <span className="font-medium text-ink">{shopper.name}</span> · {shopper.tagline}
            </>
          )}
        </p>
      </div>
      <p className="inline-flex items-center gap-2 self-start rounded-full bg-brand-soft px-3 py-1 text-xs font-medium text-brand sm:self-auto" data-testid="model-badge">
        <span aria-hidden className="size-1.5 rounded-full bg-brand motion-safe:animate-pulse" />
        {rankedBy(provider, arm)}
      </p>
    </div>
  );
}
