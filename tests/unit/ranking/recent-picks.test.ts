import { describe, expect, it } from "vitest";
import { recentPickReason, rememberPick } from "@/lib/ranking/service/recent-picks";

describe("recent picks", () => {
  it("remembers the latest reason per shopper and product", () => {
    rememberPick("picks-a", "1", "first reason");
    rememberPick("picks-a", "1", "newer reason");
    rememberPick("picks-b", "1", "someone else's");
    expect(recentPickReason("picks-a", "1")).toBe("newer reason");
    expect(recentPickReason("picks-b", "1")).toBe("someone else's");
    expect(recentPickReason("picks-a", "2")).toBeUndefined();
  });

  it("forgets the least recently ranked shoppers first when full", () => {
    rememberPick("picks-oldest", "1", "old");
    for (let i = 0; i < 1_000; i++) rememberPick(`picks-filler-${i}`, "1", "x");
    expect(recentPickReason("picks-oldest", "1")).toBeUndefined();
    expect(recentPickReason("picks-filler-999", "1")).toBe("x");
  });
});
