import { Notice } from "@/components/layout/notice";
import { ListedCard } from "@/components/product/listed-card";
import { UnknownShopper } from "@/components/shopper/unknown-shopper";
import { currentBrowser } from "@/lib/browser/current-browser";
import { listMatches } from "@/lib/catalog/retrieval/retrieve";
import { getConfig } from "@/lib/config/env";
import { lookUpShopping, type RankingQuery } from "@/lib/ranking/service/query";
import { PageLinks } from "./page-links";

/** `?page=N`: the matches after the ranked window, in retrieval order, server-rendered with no model call. */
export async function MatchesListing({ query, page, params }: { query: RankingQuery; page: number; params: URLSearchParams }) {
  const config = getConfig();
  const looked = await lookUpShopping(query, await currentBrowser());
  if (!looked.ok) return looked.unknown === "shopper" ? <UnknownShopper id={query.shopper} /> : <Notice title="Nothing to show there">{looked.error}.</Notice>;
  const { shopper, signals, category } = looked.value;
  const listed = await listMatches({ q: query.q, category: query.category, shopper, signals, limit: config.maxCandidates }, page);
  return (
    <>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
          {query.q ? <>More results for “{listed.corrected ?? query.q}”</> : category ? <>More in {category.name}</> : "More from the store"}
        </h1>
        <p className="mt-1 text-sm text-ink-soft" data-testid="match-count">
          Page {page} of {listed.pages}
          {listed.moreMatches ? "+" : ""} · {listed.matches.toLocaleString("en-US")}
          {listed.moreMatches ? "+" : ""} {query.q ? "matches" : "products"} in all, in {query.q ? "order of how well they match" : "order of popularity"}.
        </p>
      </div>
      {listed.products.length === 0 ? (
        <Notice title="No more products">This page is past the last match.</Notice>
      ) : (
        <ul data-testid="listed-grid" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
          {listed.products.map((product) => (
            <li key={product.id}>
              <ListedCard product={product} />
            </li>
          ))}
        </ul>
      )}
      <PageLinks page={page} pages={listed.pages} more={listed.moreMatches} params={params} />
    </>
  );
}
