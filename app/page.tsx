import { headers } from "next/headers";
import { PicksHeading } from "@/components/grid/picks-heading";
import { RankedGrid } from "@/components/grid/ranked-grid";
import { Header } from "@/components/layout/header";
import { Notice } from "@/components/layout/notice";
import { RecordVisit } from "@/components/signals/record-visit";
import { getConfig } from "@/lib/config/env";
import { currentBrowser } from "@/lib/browser/current-browser";
import { clientAddress } from "@/lib/http/client-address";
import { claimConnectionSignal } from "@/lib/http/connection-signals";
import { toSearchParams } from "@/lib/http/search-params";
import { getProvider } from "@/lib/llm/provider";
import { isWarmUp } from "@/lib/process/warm-up-requests";
import { parsePageParam, parseRankingQuery, prepareRanking, type RankingQuery } from "@/lib/ranking/service/query";
import { pageCount } from "@/lib/catalog/retrieval/retrieve";
import { MatchesListing } from "@/components/grid/matches-listing";
import { PageLinks } from "@/components/grid/page-links";
import { UnknownShopper } from "@/components/shopper/unknown-shopper";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

/** `/`: the "Picked for you" grid, for `?shopper=` or the remembered shopper, narrowed by `?q=` and `?category=`. */
export default async function Home({ searchParams }: PageProps<"/">) {
  const params = toSearchParams(await searchParams);
  const remembered = await rememberedShopperId();
  if (!params.has("shopper")) params.set("shopper", remembered);
  const query = parseRankingQuery(params);
  const page = parsePageParam(params);

  return (
    <>
      {/* The proxy has already remembered a valid ?shopper=, so the remembered one is the header's. */}
      <Header shopperId={remembered} browsing={{ category: params.get("category") || null, q: params.get("q") || null }} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {!query.ok || !page.ok ? (
          <Notice title="We could not run that search">{query.ok ? (page.ok ? "" : page.error) : query.error}.</Notice>
        ) : page.value > 1 ? (
          <MatchesListing query={query.value} page={page.value} params={params} />
        ) : (
          // No Suspense boundary here: the shell waits the few milliseconds of database reads, so a replayed
          // ranking is in the first HTML and on screen at first paint, JavaScript or not (a streamed boundary
          // is revealed by script). A live ranking's cards stream after the shell either way.
          <Picks query={query.value} params={params} />
        )}
      </main>
    </>
  );
}

async function Picks({ query, params }: { query: RankingQuery; params: URLSearchParams }) {
  const config = getConfig();
  const browser = await currentBrowser();
  const browserId = browser.id;
  const prepared = await prepareRanking(query, config.maxCandidates, browser);
  if (!prepared.ok) {
    if (prepared.unknown === "shopper") return <UnknownShopper id={query.shopper} />;
    return <Notice title="Nothing to show there">{prepared.error}.</Notice>;
  }
  const { shopper, candidates, category, retrieval, arm } = prepared.value;
  const requestHeaders = await headers();
  return (
    <>
      {query.q ? <RecordVisit visit={{ kind: "search", query: query.q }} /> : null}
      {category ? <RecordVisit visit={{ kind: "category", category: category.slug }} /> : null}
      <PicksHeading shopper={shopper} q={query.q} category={category ?? undefined} retrieval={retrieval} provider={getProvider(config)} arm={arm} />
      {candidates.length === 0 ? (
        <Notice title="No products match">
          Nothing in the catalog matches{query.q ? ` “${query.q}”` : ""}. Try another word, or browse a category.
        </Notice>
      ) : (
        <RankedGrid
          input={prepared.value}
          picks={config.modelPicks === "all" ? candidates.length : Math.min(config.modelPicks, candidates.length)}
          client={{ browserId, address: clientAddress(requestHeaders, config.limits.trustedProxies) }}
          clientGone={claimConnectionSignal(requestHeaders)}
          // A document load can place cards before hydration; a client navigation or refresh (an RSC request)
          // has a hydrated grid already, and boundaries it would wait for (docs/architecture.md §11).
          documentLoad={requestHeaders.get("rsc") === null}
          nonce={requestHeaders.get("x-nonce") ?? undefined}
          warmUp={isWarmUp(requestHeaders)}
        />
      )}
      <PageLinks page={1} pages={pageCount(retrieval.matches, candidates.length - retrieval.related)} more={retrieval.moreMatches} params={params} />
    </>
  );
}
