import { describe, expect, it } from "vitest";
import { jsonAnswer, jsonReply, whileDatabaseAnswers, whileDatabaseReplies } from "@/lib/http/json-answers";

const away = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("a route's work while the database is away", () => {
  it("passes a Response or a reply through untouched", async () => {
    const answer = jsonAnswer({ ok: 1 }, 201);
    expect(await whileDatabaseAnswers(async () => answer)).toBe(answer);
    expect(await whileDatabaseReplies(async () => jsonReply({ ok: 2 }, 202))).toEqual({ status: 202, body: { ok: 2 }, headers: { "cache-control": "no-store" } });
  });

  it("turns the database away into a 503 with Retry-After, as a Response and as a reply", async () => {
    const response = await whileDatabaseAnswers(async () => {
      throw new Error("query failed", { cause: away });
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { error: string }).error).not.toContain("ECONNREFUSED");

    const reply = await whileDatabaseReplies(async () => {
      throw away;
    });
    expect(reply).toMatchObject({ status: 503, headers: { "cache-control": "no-store" } });
  });

  it("rethrows anything else: a bug is not an outage", async () => {
    await expect(whileDatabaseAnswers(async () => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
    await expect(whileDatabaseReplies(async () => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
  });
});
