import { describe, expect, it } from "vitest";
import { takeWriteBudget, WRITES_PER_MINUTE } from "@/lib/http/write-budget";

describe("the write budget (database)", () => {
  it("allows a browser WRITES_PER_MINUTE writes a minute, then says when to retry; another browser is untouched", async () => {
    const browser = crypto.randomUUID();
    for (let write = 0; write < WRITES_PER_MINUTE; write++) expect(await takeWriteBudget(browser)).toBeUndefined();
    expect(await takeWriteBudget(browser)).toMatch(/^Too many changes at once: try again in \d+ s\.$/);
    expect(await takeWriteBudget(crypto.randomUUID())).toBeUndefined();
  });
});
