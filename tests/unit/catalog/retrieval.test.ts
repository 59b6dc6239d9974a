import { describe, expect, it } from "vitest";
import { listMatches, PAGE_SIZE, retrieveCandidates, type CandidateRequest } from "@/lib/catalog/retrieval/retrieve";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { NO_SIGNALS, type ShopperProfile } from "@/lib/shoppers/types";
import { shopper } from "@/tests/support/fixtures";

// Retrieval in the database (DESIGN §4 "Search", docs/architecture.md §16): what a shopper types is read as
// they mean it, and without a search the shortlist is the shopper's own.

/** A shopper with no history (the fixture's averageMonthlySpend plays no part in retrieval). */
const nobody = shopper;
const seed = PROFILES.find((profile) => profile.id === "12345") as ShopperProfile;
const runner = PROFILES.find((profile) => profile.id === "runner-maya") as ShopperProfile;

const search = (q: string, more: Partial<CandidateRequest> = {}) => retrieveCandidates({ q, shopper: nobody, signals: NO_SIGNALS, limit: 100, ...more });
/** The ids a search matched (not the related products after them), best first. */
async function matched(q: string, more: Partial<CandidateRequest> = {}): Promise<string[]> {
  const found = await search(q, more);
  return found.products.slice(0, found.products.length - found.related).map((product) => product.id);
}
const sorted = (ids: readonly string[]) => [...ids].sort((a, b) => Number(a) - Number(b));
const LAPTOPS = ["1", "11", "12", "13"];
const HEADPHONES = ["2", "15", "16", "17"];

describe("search", () => {
  it("finds a plural through its stem: every laptop for 'laptops', and nothing else", async () => {
    expect(sorted(await matched("laptops"))).toEqual(LAPTOPS);
    expect(sorted(await matched("yoga mats"))).toEqual(["27", "28", "6"].sort((a, b) => Number(a) - Number(b)));
  });

  it("corrects a misspelt word towards the catalog's words and says how it read the search", async () => {
    const found = await search("hedphones");
    expect(found.corrected).toBe("headphones");
    expect(sorted(found.products.slice(0, 4).map((product) => product.id))).toEqual(HEADPHONES);
    expect((await search("labtop")).corrected).toBe("laptop");
    expect((await search("tnet")).corrected).toBe("tent");
  });

  it("leaves a word that is no typo alone: one letter for another not next to it is no slip in a short word", async () => {
    const found = await search("hiking boots");
    expect(found.corrected).toBeUndefined();
    expect(found.products.slice(0, 2).map((product) => product.kind)).toEqual(["hiking shoes", "hiking shoes"]);
    expect(found.products.some((product) => product.kind.endsWith("book"))).toBe(false);
  });

  it("ignores filler and years: 'best budget laptops 2023' leads with the budget laptops, then the other laptops", async () => {
    const ids = await matched("best budget laptops 2023");
    expect(sorted(ids.slice(0, 2))).toEqual(["12", "13"]);
    expect(sorted(ids.slice(0, 4))).toEqual(LAPTOPS);
  });

  it("widens a search by the catalog's synonyms", async () => {
    expect(await matched("earphones")).toContain("14");
    expect(sorted(await matched("coffee maker"))).toEqual(["9", "45"]);
    expect(await matched("hairdryer")).toEqual(["72"]);
    expect((await matched("smartwatch"))[0]).toBe("3");
    expect((await matched("cast iron pan"))[0]).toBe("46");
  });

  it("never lets a word that matches nothing empty a result other words match", async () => {
    expect((await matched("yoga zzzzqx")).slice(0, 3).sort()).toEqual(["27", "28", "6"].sort());
    const none = await search("zzzzqx qqqqvv");
    expect(none).toMatchObject({ products: [], matches: 0, related: 0 });
  });

  it("reads %, _, quotes, operators and backslashes as text, never as syntax", async () => {
    for (const q of ["100%", "_", "'", "\"", "\\", "a & b | !c", "<-> :* (", "-", "--", "\"unclosed phrase", "it's", "O'Reilly \\' \"x\"", "%_%"]) {
      await expect(search(q)).resolves.toMatchObject({ matches: expect.any(Number) });
    }
  });

  it("leaves out products holding a -word, and finds a quoted phrase only as typed", async () => {
    expect(sorted(await matched("headphones -sony"))).toEqual(["15", "16", "17"]);
    expect(await matched('"cast iron"')).toEqual(["46", "47", "34"].filter((id) => PRODUCTS.find((product) => product.id === id)?.description.toLowerCase().includes("cast iron") || PRODUCTS.find((product) => product.id === id)?.name.toLowerCase().includes("cast iron")));
  });

  it("searches within a category when one is given", async () => {
    const ids = await matched("wireless", { category: "electronics" });
    expect(ids.length).toBeGreaterThan(0);
    const found = await search("wireless", { category: "electronics" });
    expect(found.products.every((product) => product.category === "electronics")).toBe(true);
  });

  it("follows a search that found few with related products, and counts only the matches", async () => {
    const found = await search("tents");
    expect(found.matches).toBe(2);
    expect(sorted(found.products.slice(0, 2).map((product) => product.id))).toEqual(["53", "54"]);
    expect(found.related).toBe(found.products.length - 2);
    expect(found.related).toBeGreaterThan(0);
    // What goes with a tent comes before the rest of the outdoors.
    const withATent = ["sleeping bag", "sleeping pad", "headlamp", "camp stove", "water bottle"];
    expect(found.products.slice(2, 7).map((product) => product.kind).sort()).toEqual(withATent.sort());
  });
});

describe("the personal shortlist", () => {
  const shortlist = async (shopper: ShopperProfile, limit: number, category?: string) =>
    (await retrieveCandidates({ shopper, signals: NO_SIGNALS, limit, ...(category ? { category } : {}) })).products;

  it("draws on the shopper's own affinities before the merely popular", async () => {
    const alex = await shortlist(seed, 12);
    const maya = await shortlist(runner, 12);
    expect(alex.map((product) => product.id)).not.toEqual(maya.map((product) => product.id));
    // Maya runs: running shoes and her brands are in hers; Alex's brands (Apple, AllBirds, Bench) in his.
    expect(maya.some((product) => product.kind === "running shoes")).toBe(true);
    expect(alex.filter((product) => ["Apple", "AllBirds", "Bench"].includes(product.brand)).length).toBeGreaterThanOrEqual(3);
  });

  it("puts disliked brands last and lets no kind crowd out the rest", async () => {
    const alex = await shortlist(seed, 72);
    const disliked = alex.map((product) => ["Philips", "Adidas"].includes(product.brand));
    const firstDisliked = disliked.indexOf(true);
    expect(firstDisliked).toBeGreaterThan(0);
    expect(disliked.slice(firstDisliked).every(Boolean)).toBe(true);
    const small = await shortlist(seed, 12);
    const perKind = new Map<string, number>();
    for (const product of small) perKind.set(product.kind, (perKind.get(product.kind) ?? 0) + 1);
    expect(Math.max(...perKind.values())).toBeLessThanOrEqual(3);
  });

  it("holds each product once, at most the limit, and within the category asked", async () => {
    const books = await shortlist(seed, 5, "books");
    expect(books).toHaveLength(5);
    expect(new Set(books.map((product) => product.id)).size).toBe(5);
    expect(books.every((product) => product.category === "books")).toBe(true);
  });
});

describe("pages after the ranked window", () => {
  it("lists what the shortlist left out, in the baseline order, each product once across the pages", async () => {
    const request = { shopper: seed, signals: NO_SIGNALS, limit: 10 };
    const first = await retrieveCandidates(request);
    const second = await listMatches(request, 2);
    expect(second.matches).toBe(PRODUCTS.length);
    expect(second.pages).toBe(1 + Math.ceil((PRODUCTS.length - 10) / PAGE_SIZE));
    const third = await listMatches(request, 3);
    const seen = [...first.products, ...second.products, ...third.products].map((product) => product.id);
    expect(sorted(seen)).toEqual(sorted(PRODUCTS.map((product) => product.id)));
    expect(second.products).toHaveLength(PAGE_SIZE);
  });

  it("pages a search's matches after the window in the search's own order", async () => {
    const all = await matched("book");
    const page = await listMatches({ q: "book", shopper: nobody, signals: NO_SIGNALS, limit: 5 }, 2);
    expect(page.products.map((product) => product.id)).toEqual(all.slice(5, 5 + PAGE_SIZE));
    expect(page.matches).toBe(all.length);
  });
});

describe("where a word is found", () => {
  it("finds a word wherever the product holds it — name, brand, tags, description — and what it is first", async () => {
    // Read off lib/catalog/data/products.ts by hand.
    expect(sorted((await matched("MACBOOK")).slice(0, 2))).toEqual(["1", "11"]); // in names; the other laptops follow as synonyms
    expect(await matched("amazon")).toEqual(["4"]); // a brand its product's name does not hold
    expect(sorted((await matched('"long-battery"')).slice(0, 3))).toEqual(["2", "15", "32"].sort((a, b) => Number(a) - Number(b))); // in tags
    expect(sorted(await matched('"over-ear"'))).toEqual(["2", "15", "17"]); // in descriptions only
  });

  it("puts a product holding every word before one holding some: 'hours wireless'", async () => {
    // "hours" alone also finds 57, "wireless" alone 14, 16 and 17.
    const ids = await matched("hours wireless");
    expect(sorted(ids.slice(0, 2))).toEqual(["2", "15"]);
    expect(sorted(ids)).toEqual(["2", "14", "15", "16", "17", "57"].sort((a, b) => Number(a) - Number(b)));
  });
});
