import path from "node:path";
import { describe, expect, it } from "vitest";
import { imageChecker, PLACEHOLDER_IMAGE } from "@/lib/catalog/import/images";
import { readJsonLines } from "@/lib/catalog/import/jsonl";
import { priceToCents } from "@/lib/catalog/import/price";
import { describeIssues, rowSchema } from "@/lib/catalog/import/rows";

// One imported row (DESIGN §4 "Catalog CLI"): money in whole cents, every field checked with a message a
// person fixing the file can act on, images only from public/ or an allowed https host.

const rules = { publicDir: path.join(process.cwd(), "public"), hosts: ["cdn.shopify.com"] };
const schema = rowSchema(rules);
const row = { id: "900001", name: "Trail Mug", brand: "Cairn", category: "outdoors", kind: "mug", price: 12.5, description: "An enamel camp mug." };
const problems = (value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? "" : describeIssues(parsed.error);
};

describe("prices", () => {
  it("turns dollars into whole cents, from a number or a CSV's text", () => {
    expect(priceToCents(19.99)).toEqual({ ok: true, cents: 1999 });
    expect(priceToCents(0.1 + 0.2)).toEqual({ ok: true, cents: 30 });
    expect(priceToCents("1099")).toEqual({ ok: true, cents: 109_900 });
    expect(priceToCents(" 45.50 ")).toEqual({ ok: true, cents: 4550 });
  });

  it("refuses a third decimal rather than rounding what a shopper pays", () => {
    expect(priceToCents(19.999)).toEqual({ ok: false, message: "must have at most 2 decimals (money is whole cents), got 19.999" });
    expect(priceToCents("4.005").ok).toBe(false);
  });

  it("refuses what is not a positive amount, saying what it got", () => {
    expect(priceToCents("abc")).toEqual({ ok: false, message: 'must be a positive number, got "abc"' });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, "1e3", "1,299.00", "-5", "", null, true, 0.001]) expect(priceToCents(bad).ok, String(bad)).toBe(false);
    expect(priceToCents(30_000_000).ok).toBe(false);
  });
});

describe("the row schema", () => {
  it("takes a JSON Lines product, filling what is optional", () => {
    expect(schema.parse(row)).toEqual({ id: "900001", name: "Trail Mug", brand: "Cairn", category: "outdoors", kind: "mug", priceCents: 1250, rating: 0, reviewCount: 0, description: "An enamel camp mug.", tags: [], image: PLACEHOLDER_IMAGE });
    expect(schema.parse({ ...row, rating: 4.5, reviewCount: 12, tags: ["camp", "Camp", " enamel "], image: "/products/1.svg" })).toMatchObject({ rating: 4.5, reviewCount: 12, tags: ["camp", "enamel"], image: "/products/1.svg" });
  });

  it("names every bad field on one line, with what it got", () => {
    expect(problems({ ...row, id: "SKU-1", price: "abc", category: "Home & Garden", rating: 9 })).toBe(
      'id: must be digits only (Aisle\'s product ids, like "1042"), got "SKU-1"; category: must be a slug, lowercase words joined by hyphens like "home-kitchen", got "Home & Garden"; price: must be a positive number, got "abc"; rating: must be from 1 to 5',
    );
    expect(problems({ ...row, name: undefined })).toBe("name: required");
    expect(problems({ ...row, colour: "red" })).toMatch(/^colour: unknown field \(the fields are id, name, brand/);
    expect(problems({ ...row, reviewCount: 120 })).toBe("rating: required when reviewCount is above 0 (got reviewCount 120)");
    expect(problems([row])).toBe("a product must be a JSON object");
  });

  it("refuses text PostgreSQL would not store (a NUL, half a character) instead of failing the import", () => {
    expect(problems({ ...row, name: "Mug\u0000" })).toBe("name: holds a control character or a broken one");
    expect(problems({ ...row, tags: ["\ud800"] })).toBe("tags.0: holds a control character or a broken one");
  });
});

describe("images", () => {
  const check = imageChecker(rules);

  it("takes a file under public/ or an https URL on an allowed host; none is the placeholder", () => {
    expect(check("/products/1.svg")).toEqual({ ok: true, image: "/products/1.svg" });
    expect(check("https://cdn.shopify.com/s/files/shirt.jpg?v=2")).toEqual({ ok: true, image: "https://cdn.shopify.com/s/files/shirt.jpg?v=2" });
    expect(check(undefined)).toEqual({ ok: true, image: PLACEHOLDER_IMAGE });
    expect(check("  ")).toEqual({ ok: true, image: PLACEHOLDER_IMAGE });
  });

  it("refuses a missing file, a way out of public/, another host, plain http and a port", () => {
    expect(check("/products/nope.png")).toEqual({ ok: false, message: '"/products/nope.png" is not a file under public/' });
    expect(check("/../package.json").ok).toBe(false);
    expect(check("https://images.example.org/a.jpg")).toEqual({ ok: false, message: "host images.example.org is not allowed (AISLE_IMAGE_HOSTS allows cdn.shopify.com)" });
    expect(check("http://cdn.shopify.com/a.jpg")).toEqual({ ok: false, message: "must be an https URL, got http" });
    expect(check("https://cdn.shopify.com:8443/a.jpg").ok).toBe(false);
    expect(check("//cdn.shopify.com/a.jpg").ok).toBe(false);
    expect(imageChecker({ ...rules, hosts: [] })("https://cdn.shopify.com/a.jpg")).toEqual({ ok: false, message: "host cdn.shopify.com is not allowed (AISLE_IMAGE_HOSTS is unset: local images only)" });
  });
});

describe("JSON Lines", () => {
  it("numbers rows by file line, skips blank lines and refuses a line that is not JSON", () => {
    const read = readJsonLines('\uFEFF{"id":"1"}\n\n{"id":\n  {"id":"3"}  \n');
    expect(read.rows).toEqual([
      { line: 1, value: { id: "1" } },
      { line: 4, value: { id: "3" } },
    ]);
    expect(read.refused).toHaveLength(1);
    expect(read.refused[0]?.line).toBe(3);
    expect(read.refused[0]?.problem).toMatch(/^not JSON \(/);
  });
});
