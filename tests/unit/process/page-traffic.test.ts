import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { afterPages, countPage, pagesUnderWay } from "@/lib/process/page-traffic";

// Work nobody waits for gives way to the pages the launcher is serving (lib/process/page-traffic.ts).

/** A page's response: counted until it emits "close", as Node's ServerResponse does. */
function openPage(): { close: () => void } {
  const response = new EventEmitter();
  countPage(response as unknown as ServerResponse);
  return { close: () => response.emit("close") };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const HOUR = 3_600_000;

describe("page traffic", () => {
  it("lets work through at once while no page is being served", async () => {
    expect(pagesUnderWay()).toBe(0);
    const order: string[] = [];
    await afterPages(HOUR).then(() => order.push("work"));
    expect(order).toEqual(["work"]);
  });

  it("holds work while a page is served and lets it go, one piece a turn, once the last page closes", async () => {
    const first = openPage();
    const second = openPage();
    expect(pagesUnderWay()).toBe(2);
    const done: number[] = [];
    void afterPages(HOUR).then(() => done.push(1));
    void afterPages(HOUR).then(() => done.push(2));
    await turn();
    first.close();
    await turn();
    await turn();
    expect(done).toEqual([]);
    second.close();
    expect(pagesUnderWay()).toBe(0);
    await turn();
    expect(done).toEqual([1]);
    await turn();
    expect(done).toEqual([1, 2]);
  });

  it("stops letting work go when a page arrives meanwhile", async () => {
    const page = openPage();
    const done: number[] = [];
    void afterPages(HOUR).then(() => done.push(1));
    void afterPages(HOUR).then(() => done.push(2));
    page.close();
    await turn();
    expect(done).toEqual([1]);
    const next = openPage();
    await turn();
    await turn();
    expect(done).toEqual([1]);
    next.close();
    await turn();
    expect(done).toEqual([1, 2]);
  });

  it("lets work go after its bound, or when hurried, whatever the pages do", async () => {
    const page = openPage();
    const done: string[] = [];
    const bounded = afterPages(20).then(() => done.push("bounded"));
    const hurry = new AbortController();
    const hurried = afterPages(HOUR, hurry.signal).then(() => done.push("hurried"));
    hurry.abort();
    await hurried;
    await bounded;
    expect(done).toEqual(["hurried", "bounded"]);
    expect(await Promise.race([afterPages(HOUR, hurry.signal).then(() => "at once"), turn().then(() => "held")])).toBe("at once");
    expect(await Promise.race([afterPages(0).then(() => "at once"), turn().then(() => "held")])).toBe("at once");
    const held = afterPages(HOUR);
    expect(await Promise.race([held.then(() => "at once"), turn().then(() => "held")])).toBe("held");
    page.close();
    await held;
  });
});
