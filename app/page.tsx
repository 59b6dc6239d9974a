import { Suspense } from "react";
import { RankedGrid } from "@/components/grid/ranked-grid";
import { getConfig } from "@/lib/config/env";
import { parseRankingQuery, prepareRanking } from "@/lib/ranking/query";
import { DEFAULT_SHOPPER_ID } from "@/lib/shoppers/shoppers";

interface HomeProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  if (!params.has("shopper")) params.set("shopper", DEFAULT_SHOPPER_ID);
  return params;
}

async function Picks({ searchParams }: HomeProps) {
  const query = parseRankingQuery(toParams(await searchParams));
  if (!query.ok) return <p role="alert" className="text-red-700">{query.error}</p>;
  const prepared = await prepareRanking(query.value, getConfig().maxCandidates);
  if (!prepared.ok) return <p role="alert" className="text-red-700">{prepared.error}</p>;
  return <RankedGrid input={prepared.value} />;
}

export default function Home(props: HomeProps) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Picked for you</h1>
      <Suspense fallback={<p className="text-sm text-ink-soft">Preparing your picks…</p>}>
        <Picks {...props} />
      </Suspense>
    </main>
  );
}
