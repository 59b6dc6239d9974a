import type { Metadata } from "next";
import Link from "next/link";
import { forgetMe, removeFact } from "@/app/actions/shopper";
import { Header } from "@/components/layout/header";
import { currentBrowser } from "@/lib/browser/current-browser";
import type { FactKind, ProfileFact } from "@/lib/shoppers/history/derive-profile";
import { REMOVABLE } from "@/lib/shoppers/forget";
import { getOwnShopper } from "@/lib/shoppers/own-shopper";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export const metadata: Metadata = { title: "Your profile" };

const SECTIONS: readonly [string, readonly FactKind[]][] = [
  ["What you bought and rated", ["purchase", "rating", "loyalty", "spend"]],
  ["What you look at", ["category", "brand", "search", "times"]],
  ["What you turned down", ["not-interested", "disliked-brand"]],
];

/**
 * `/profile`: what the store knows about this browser, in plain words, where each fact comes from, a way to
 * remove any fact that is made of rows, and "Forget me" (docs/architecture.md §18).
 */
export default async function ProfilePage({ searchParams }: PageProps<"/profile">) {
  const [browser, shopperId, params] = await Promise.all([currentBrowser(), rememberedShopperId(), searchParams]);
  const { facts } = await getOwnShopper(browser.id, browser.timeZone);
  const error = typeof params.error === "string" ? (params.error === "fact" ? "That fact could not be found." : params.error) : undefined;
  return (
    <>
      <Header shopperId={shopperId} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">What the store knows about you</h1>
        <p className="mt-1 text-ink-soft">
          Your picks (“You” in the shopper menu) are ranked from this, and nothing else about you. It is kept for this browser only.
        </p>
        {params.forgotten ? (
          <p role="status" className="mt-4 rounded-card bg-brand-soft p-3 text-sm" data-testid="forgotten">
            Done: everything this browser did here is erased. You start afresh.
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mt-4 rounded-card bg-amber-50 p-3 text-sm text-amber-900">
            {error}
          </p>
        ) : null}
        {facts.length === 0 ? (
          <p className="mt-6 rounded-card border border-zinc-200 bg-white p-6 text-ink-soft" data-testid="profile-empty">
            Nothing yet. Browse, search and buy, and your picks follow what you do.{" "}
            <Link href="/?shopper=me" className="font-medium text-brand hover:underline">
              Your picks
            </Link>
          </p>
        ) : (
          SECTIONS.map(([title, kinds]) => <FactSection key={title} title={title} facts={facts.filter((fact) => kinds.includes(fact.kind))} />)
        )}
        <section className="mt-8 rounded-card border border-red-200 bg-red-50/50 p-6">
          <h2 className="font-semibold">Forget me</h2>
          <p className="mt-1 text-sm text-ink-soft">
            Erases everything tied to this browser — visits, searches, cart, orders, ratings, answers and stored picks — at once, and starts afresh.
          </p>
          <form action={forgetMe} className="mt-4">
            <button type="submit" data-testid="forget-me" className="rounded-full bg-red-700 px-5 py-2.5 text-sm font-medium text-white hover:bg-red-800">
              Forget me
            </button>
          </form>
        </section>
      </main>
    </>
  );
}

function FactSection({ title, facts }: { title: string; facts: readonly ProfileFact[] }) {
  if (facts.length === 0) return null;
  return (
    <section className="mt-6">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-ink-faint">{title}</h2>
      <ul className="mt-2 divide-y divide-zinc-200 rounded-card border border-zinc-200 bg-white" data-testid="profile-facts">
        {facts.map((fact) => (
          <li key={`${fact.kind}:${fact.value}`} className="flex items-center justify-between gap-4 p-4" data-testid="profile-fact" data-kind={fact.kind} data-value={fact.value}>
            <div>
              <p className="font-medium">{fact.text}</p>
              <p className="text-sm text-ink-soft">{fact.source}</p>
            </div>
            {REMOVABLE.includes(fact.kind) ? (
              <form action={removeFact}>
                <input type="hidden" name="kind" value={fact.kind} />
                <input type="hidden" name="value" value={fact.value} />
                <button type="submit" data-testid="remove-fact" className="rounded-full border border-zinc-300 px-3 py-1 text-sm hover:bg-paper-sunk">
                  {fact.kind === "not-interested" ? "Undo" : "Remove"}
                </button>
              </form>
            ) : (
              <span className="text-xs text-ink-faint">{fact.kind === "times" ? "follows from your visits" : "follows from your orders"}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
