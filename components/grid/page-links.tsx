import Link from "next/link";

interface PageLinksProps {
  /** The page shown: 1 is the ranked window. */
  page: number;
  pages: number;
  /** There are more matches than counted, so more pages than `pages` ("of 20+"), the last one a next page too. */
  more?: boolean;
  /** The query the pages share (shopper, q, category), without `page`. */
  params: URLSearchParams;
}

function hrefFor(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  next.delete("page");
  if (page > 1) next.set("page", String(page));
  const query = next.toString();
  return query ? `/?${query}` : "/";
}

/** Previous and next through the matches after the ranked window (DESIGN §4: `?page=N`, no model call). */
export function PageLinks({ page, pages, params, more = false }: PageLinksProps) {
  if (pages <= 1) return null;
  const link = "rounded-full border border-zinc-300 bg-white px-4 py-1.5 font-medium text-ink shadow-sm hover:bg-paper-sunk";
  return (
    <nav aria-label="Pages" data-testid="page-links" className="mt-8 flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(params, page - 1)} rel="prev" className={link}>
          ← {page === 2 ? "Your picks" : `Page ${page - 1}`}
        </Link>
      ) : null}
      <span className="text-ink-soft">
        Page {page} of {pages}
        {more ? "+" : ""}
      </span>
      {page < pages || more ? (
        <Link href={hrefFor(params, page + 1)} rel="next" className={link} data-testid="next-page">
          Page {page + 1} →
        </Link>
      ) : null}
    </nav>
  );
}
