// A product's price from its page: the Open Graph product tags the store writes,
// `<meta property="product:price:amount" content="129.00">` (and `product:price:currency`).

const META = /<meta\b[^>]*>/gi;
const ATTRIBUTE = /([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function metaContent(html: string, property: string): string | undefined {
  for (const [tag] of html.matchAll(META)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(ATTRIBUTE)) attributes.set((match[1] ?? "").toLowerCase(), match[3] ?? match[4] ?? "");
    if (attributes.get("property") === property || attributes.get("name") === property) return attributes.get("content");
  }
  return undefined;
}

/** "129.00" → 12900; undefined when the page has no readable amount. */
export function priceCentsFromPage(html: string): number | undefined {
  const amount = metaContent(html, "product:price:amount")?.trim().replaceAll(",", "");
  const match = amount?.match(/^(\d+)(?:\.(\d{1,2}))?$/);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** The currency the page names ("USD"), if any. */
export function currencyFromPage(html: string): string | undefined {
  return metaContent(html, "product:price:currency")?.trim() || undefined;
}
