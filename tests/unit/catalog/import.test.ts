import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getProduct } from "@/lib/catalog/catalog";
import { catalogMain } from "@/lib/catalog/import/cli";
import { idForHandle } from "@/lib/catalog/import/handle-id";
import { PLACEHOLDER_IMAGE } from "@/lib/catalog/import/images";
import { importCatalog } from "@/lib/catalog/import/import-catalog";
import { retrieveCandidates } from "@/lib/catalog/retrieval/retrieve";
import { getDb } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { categories, products, searchSynonyms } from "@/lib/db/schema";
import { NO_SIGNALS, type ShopperProfile } from "@/lib/shoppers/types";

// `npm run catalog -- import` as an operator runs it (DESIGN §4 "Catalog CLI"), on this worker's in-memory
// database: all or nothing, --skip-bad, --dry-run, upsert by id, new categories, images, and the store's
// search finding what was imported. Each test writes products of its own (ids 9xxxxx, or the fixture's).

const SHOPIFY = path.join(process.cwd(), "tests/fixtures/shopify-products.csv");
const dir = mkdtempSync(path.join(os.tmpdir(), "aisle-import-"));

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await catalogMain(argv, { env: { ...process.env, AISLE_IMAGE_HOSTS: "cdn.shopify.com", ...env }, cwd: process.cwd(), stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) } });
  return { code, out: out.join(""), err: err.join("") };
}

function jsonl(name: string, rows: readonly unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, rows.map((row) => (typeof row === "string" ? row : JSON.stringify(row))).join("\n") + "\n");
  return file;
}

const product = (id: string, more: Record<string, unknown> = {}) => ({ id, name: `Test Product ${id}`, brand: "Testbrand", category: "outdoors", kind: "camp mug", price: 12.5, rating: 4.2, reviewCount: 30, description: "An enamel mug for the campsite.", tags: ["camping"], ...more });
const countProducts = async () => (await getDb()).$count(products);

const nobody: ShopperProfile = { id: "nobody", name: "Nobody", tagline: "", recentPurchases: [], browsedCategories: [], ratings: {}, searchHistory: [], preferredBrands: [], dislikedBrands: [], loyaltyStatus: "none", averageMonthlySpend: 0, preferredShoppingTimes: "any" };
const search = (q: string) => retrieveCandidates({ q, shopper: nobody, signals: NO_SIGNALS, limit: 24 });

// Migrating and seeding the in-memory database takes seconds on a busy machine: not the first test's time.
beforeAll(async () => {
  await getDb();
}, 60_000);

describe("npm run catalog -- import (Shopify CSV)", () => {
  it("writes nothing when a row is refused, names every refused row by line, and exits 1", async () => {
    const before = await countProducts();
    const result = await run(["import", SHOPIFY]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('line 7: Variant Price: must be a positive number, got "abc"');
    expect(result.out).toContain('line 8: Title: handle "merino-runner" is already the product "Merino Runner" (line 2)');
    expect(result.out).toContain("refused 2 rows: nothing written");
    expect(await countProducts()).toBe(before);
    expect(await getProduct(idForHandle("merino-runner"))).toBeUndefined();
  });

  it("with --skip-bad writes the good products and still exits 1 for the refused rows", async () => {
    const before = await countProducts();
    const result = await run(["import", SHOPIFY, "--skip-bad"]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/added 3, changed 0, unchanged 0, refused 2, categories created 3 \(sneakers, tent, kettles\)/);
    expect(await countProducts()).toBe(before + 3);
    expect(await getProduct(idForHandle("merino-runner"))).toMatchObject({ name: "Merino Runner", brand: "Fieldstep", price: 95, rating: 0, reviewCount: 0, tags: ["wool", "comfortable", "eco-friendly"], image: "https://cdn.shopify.com/s/files/1/0001/merino-runner.jpg?v=1" });
    expect(await getProduct(idForHandle("ridge-tent-2p"))).toMatchObject({ image: PLACEHOLDER_IMAGE, category: "tent" });
    expect(await getProduct(idForHandle("brass-desk-lamp"))).toBeUndefined();
    const [created] = await (await getDb()).select().from(categories).where(eq(categories.slug, "kettles"));
    expect(created).toMatchObject({ name: "Kettles", blurb: "Kettles." });
  });
});

describe("npm run catalog -- import (JSON Lines)", () => {
  it("adds products and the categories they name, placed after the existing ones", async () => {
    const db = await getDb();
    const positions = (await db.select({ position: categories.position }).from(categories)).map((row) => row.position);
    const file = jsonl("happy.jsonl", [product("900001", { category: "garden-tools", kind: "trowel" }), product("900002", { category: "garden-tools", kind: "trowel" }), product("900003", { category: "garden-tools", kind: "hose", rating: undefined, reviewCount: undefined })]);
    const result = await run(["import", file]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/added 3, changed 0, unchanged 0, refused 0, categories created 1 \(garden-tools\)/);
    const [garden] = await db.select().from(categories).where(eq(categories.slug, "garden-tools"));
    expect(garden).toEqual({ slug: "garden-tools", name: "Garden Tools", blurb: "Trowels and hoses.", position: Math.max(...positions) + 1 });
    expect(await getProduct("900001")).toMatchObject({ price: 12.5, rating: 4.2, reviewCount: 30, image: PLACEHOLDER_IMAGE });
    expect(await getProduct("900003")).toMatchObject({ rating: 0, reviewCount: 0 });
  });

  it("changes nothing when the same file is imported again, and only what differs after an edit", async () => {
    const rows = [product("900101"), product("900102"), product("900103")];
    expect((await run(["import", jsonl("twice.jsonl", rows)])).out).toContain("added 3, changed 0, unchanged 0");
    expect((await run(["import", jsonl("twice.jsonl", rows)])).out).toContain("added 0, changed 0, unchanged 3");
    const edited = await run(["import", jsonl("twice.jsonl", [rows[0], { ...rows[1], price: 13 }, rows[2], product("900104")])]);
    expect(edited.out).toContain("added 1, changed 1, unchanged 2");
    expect(await getProduct("900102")).toMatchObject({ price: 13 });
  });

  it("--dry-run says what would be added and changed, and writes nothing", async () => {
    await run(["import", jsonl("dry-base.jsonl", [product("900201")])]);
    const before = await countProducts();
    const result = await run(["import", jsonl("dry.jsonl", [product("900201", { price: 99 }), product("900202", { category: "pond-care" })]), "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("dry run, nothing written: added 1, changed 1, unchanged 0, refused 0, categories would be created 1 (pond-care)");
    expect(await countProducts()).toBe(before);
    expect(await getProduct("900201")).toMatchObject({ price: 12.5 });
    expect(await (await getDb()).$count(categories, eq(categories.slug, "pond-care"))).toBe(0);
  });

  it("takes an https image on an allowed host and refuses one on another host, by line", async () => {
    const result = await run([
      "import",
      "--skip-bad",
      jsonl("images.jsonl", [product("900301", { image: "https://cdn.shopify.com/s/files/mug.jpg" }), product("900302", { image: "https://images.example.org/mug.jpg" }), product("900303", { image: "/products/6.svg" })]),
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("line 2: image: host images.example.org is not allowed (AISLE_IMAGE_HOSTS allows cdn.shopify.com)");
    expect(await getProduct("900301")).toMatchObject({ image: "https://cdn.shopify.com/s/files/mug.jpg" });
    expect(await getProduct("900302")).toBeUndefined();
    expect(await getProduct("900303")).toMatchObject({ image: "/products/6.svg" });
  });

  it("refuses a repeated id and a line that is not JSON, naming their lines", async () => {
    const result = await run(["import", jsonl("repeats.jsonl", [product("900401"), "{not json", product("900401", { name: "Other" })])]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/line 2: not JSON/);
    expect(result.out).toContain("line 3: id: 900401 is already on line 1");
    expect(await getProduct("900401")).toBeUndefined();
  });

  it("leaves the store's search finding an imported product by a word only it has, typed right or with a slip", async () => {
    await run(["import", jsonl("search.jsonl", [product("900501", { name: "Quokkaflex Camp Mug" })])]);
    expect((await search("quokkaflex")).products[0]?.id).toBe("900501");
    // A typo is corrected towards the catalog's own words: the import rebuilt them.
    const slipped = await search("quokaflex");
    expect(slipped.corrected).toBe("quokkaflex");
    expect(slipped.products[0]?.id).toBe("900501");
  });
});

describe("a bulk load", () => {
  const indexes = async () => (await rowsOf<{ definition: string }>(await getDb(), sql`select indexdef as definition from pg_indexes where tablename = 'products' order by indexname`)).map((row) => row.definition);

  it("builds the products' indexes again, as the migrations made them, after loading without them", async () => {
    const before = await indexes();
    expect(before.some((definition) => definition.includes("USING gin (search_vector)"))).toBe(true);
    const text = [product("900601"), product("900602")].map((row) => JSON.stringify(row)).join("\n");
    const report = await importCatalog(await getDb(), text, { format: "jsonl", dryRun: false, skipBad: false, images: { publicDir: path.join(process.cwd(), "public"), hosts: [] }, indexes: "rebuild" });
    expect(report).toMatchObject({ added: 2, indexesRebuilt: true });
    expect(await indexes()).toEqual(before);
    expect((await search("Test Product 900601")).products.map((found) => found.id)).toContain("900601");
  });
});

describe("npm run catalog -- (usage)", () => {
  it("answers an unknown command or flag, a missing file or a format it cannot tell with exit 2 and the usage", async () => {
    for (const argv of [[], ["explode"], ["import"], ["import", "nowhere.jsonl"], ["import", SHOPIFY, "--frobnicate"], ["import", SHOPIFY, "--format", "xml"], ["import", path.join(dir, "catalog.txt")], ["generate", "--products", "ten", "--out", "x"], ["generate", "--products", "5"]]) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err, argv.join(" ")).toContain("usage: npm run catalog -- <command>");
    }
    expect((await run(["import", "nowhere.jsonl"])).err).toContain("no such file");
  });

  it.skipIf(process.platform !== "linux")("refuses to open an embedded database another process has open (the store's server), naming it", async () => {
    const dataDir = path.join(dir, "held");
    mkdirSync(dataDir);
    const held = path.join(dataDir, "PG_VERSION");
    const holder = spawn(process.execPath, ["-e", `require("fs").openSync(${JSON.stringify(held)}, "w"); setInterval(() => {}, 1000);`], { stdio: "ignore" });
    try {
      for (let tries = 0; tries < 100 && !existsSync(held); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const result = await run(["import", SHOPIFY, "--dry-run"], { AISLE_DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect(result.code).toBe(2);
      expect(result.err).toContain(`is open in process ${holder.pid}`);
      expect(result.err).toContain("PGlite is one process per directory");
    } finally {
      holder.kill();
    }
  });

  it("answers a CSV that is not a Shopify export, or a bad AISLE_IMAGE_HOSTS, with exit 2", async () => {
    const csv = path.join(dir, "other.csv");
    writeFileSync(csv, "name,price\nMug,12\n");
    expect(await run(["import", csv])).toMatchObject({ code: 2, err: expect.stringContaining("not a Shopify product export") });
    expect(await run(["import", SHOPIFY], { AISLE_IMAGE_HOSTS: "https://cdn.shopify.com/" })).toMatchObject({ code: 2, err: expect.stringContaining("AISLE_IMAGE_HOSTS") });
  });
});

describe("npm run catalog -- generate and synonyms", () => {
  it("writes the same file for the same seed, which imports cleanly", async () => {
    const first = path.join(dir, "gen-a.jsonl");
    const second = path.join(dir, "gen-b.jsonl");
    expect((await run(["generate", "--products", "200", "--out", first, "--seed", "42"])).code).toBe(0);
    expect((await run(["generate", "--products", "200", "--out", second, "--seed", "42"])).code).toBe(0);
    expect(readFileSync(first, "utf8")).toBe(readFileSync(second, "utf8"));
    const result = await run(["import", first]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/added 200, changed 0, unchanged 0, refused 0/);
  });

  it("replaces the search's synonyms with a file's", async () => {
    const file = path.join(dir, "synonyms.json");
    writeFileSync(file, JSON.stringify({ synonyms: [{ synonyms: ["mug", "cup", "beaker"] }] }));
    expect((await run(["synonyms", file])).code).toBe(0);
    const phrases = await (await getDb()).select({ phrase: searchSynonyms.phrase }).from(searchSynonyms).where(inArray(searchSynonyms.phrase, ["mug", "cup", "beaker", "earbuds"]));
    expect(phrases.map((row) => row.phrase).sort()).toEqual(["beaker", "cup", "mug"]);
  });
});
