import { describe, expect, it } from "vitest";
import { CookieJar } from "@/simulate/cookie-jar";
import { landingProduct } from "@/simulate/population";
import { currencyFromPage, priceCentsFromPage } from "@/simulate/prices";
import { parseRanking, RankingError } from "@/simulate/ranking";

describe("CookieJar", () => {
  it("keeps each Set-Cookie's name and value and sends them back as one Cookie header", () => {
    const jar = new CookieJar();
    expect(jar.header()).toBeUndefined();
    jar.store(["aisle-browser=3f1c-uuid; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000", "aisle-tz=Europe%2FParis; Path=/"]);
    expect(jar.get("aisle-browser")).toBe("3f1c-uuid");
    expect(jar.header()).toBe("aisle-browser=3f1c-uuid; aisle-tz=Europe%2FParis");
  });

  it("lets a later cookie replace an earlier one, and an expired one remove it", () => {
    const jar = new CookieJar();
    jar.store(["a=1", "b=2", "c=3", "d=4"]);
    jar.store(["a=one", "b=; Max-Age=0", "c=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "d=\"quoted\""]);
    expect(jar.header()).toBe("a=one; d=quoted");
  });

  it("ignores a line with no name", () => {
    const jar = new CookieJar();
    jar.store(["=value", "novalue", ""]);
    expect(jar.header()).toBeUndefined();
  });
});

describe("parseRanking", () => {
  const done = { type: "done", ranked: 2, fallback: 1, rejected: 0, provider: "simulated", model: "sim", outcome: "complete", rankingId: "r-1", arm: "model", replay: false };

  it("reads the items in rank order and the done line's ranking id, arm and outcome", () => {
    const text = [
      { type: "item", rank: 2, id: "7", reason: "b", source: "model" },
      { type: "item", rank: 1, id: "3", reason: "a", source: "model" },
      { type: "item", rank: 3, id: "9", reason: "", source: "fallback" },
      done,
    ].map((line) => JSON.stringify(line)).join("\n");
    const ranking = parseRanking(`${text}\n`);
    expect(ranking.items.map((item) => item.id)).toEqual(["3", "7", "9"]);
    expect(ranking).toMatchObject({ rankingId: "r-1", arm: "model", outcome: "complete", malformed: 0 });
  });

  it("skips and counts a malformed line and an item of the wrong shape", () => {
    const text = [JSON.stringify({ type: "item", rank: 1, id: "3", reason: "a", source: "model" }), '{"type":"item","rank":2,"id":"4",', JSON.stringify({ type: "item", rank: 3 }), JSON.stringify(done)].join("\n");
    const ranking = parseRanking(text);
    expect(ranking.items.map((item) => item.id)).toEqual(["3"]);
    expect(ranking.malformed).toBe(2);
  });

  it("refuses a ranking cut off before its done line", () => {
    expect(() => parseRanking(JSON.stringify({ type: "item", rank: 1, id: "3", reason: "a", source: "model" }))).toThrow(RankingError);
  });
});

describe("priceCentsFromPage", () => {
  it("reads the Open Graph price amount into whole cents, in either attribute order", () => {
    expect(priceCentsFromPage('<head><meta property="product:price:amount" content="129.00"/><meta property="product:price:currency" content="USD"/></head>')).toBe(12900);
    expect(priceCentsFromPage("<meta content='249.9' property='product:price:amount'>")).toBe(24990);
    expect(priceCentsFromPage('<meta property="product:price:amount" content="1,099">')).toBe(109900);
    expect(currencyFromPage('<meta property="product:price:currency" content="USD">')).toBe("USD");
  });

  it("has no price for a page without the tag or with an unreadable amount", () => {
    expect(priceCentsFromPage('<meta property="og:title" content="Kindle">')).toBeUndefined();
    expect(priceCentsFromPage('<meta property="product:price:amount" content="about ten">')).toBeUndefined();
  });
});

describe("landingProduct", () => {
  it("lands on the first product graded 3 in id order, else the first graded 2", () => {
    expect(landingProduct({ "12": 3, "9": 3, "2": 2 })).toBe("9");
    expect(landingProduct({ "30": 2, "4": 1, "11": 2 })).toBe("11");
    expect(landingProduct({ "4": 1 })).toBeUndefined();
  });
});
