import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Browser, StoreError } from "@/simulate/browser";
import { simulateMain } from "@/simulate/cli";

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, cwd: mkdtempSync(path.join(os.tmpdir(), "aisle-simulate-")), stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) } }, out: () => out.join(""), err: () => err.join("") };
}

describe("npm run simulate", () => {
  it("needs --url and --shoppers within bounds (exit 2, with the usage)", async () => {
    for (const argv of [[], ["--url", "http://127.0.0.1:1"], ["--url", "http://127.0.0.1:1", "--shoppers", "0"], ["--url", "http://127.0.0.1:1", "--shoppers", "100001"], ["--url", "nowhere", "--shoppers", "1"], ["--shoppers", "1", "--url", "http://127.0.0.1:1", "--max-seconds", "-1"], ["--bogus"]]) {
      const run = io();
      expect((await simulateMain(argv, run.io)).code).toBe(2);
      expect(run.err()).toMatch(/usage: npm run simulate/);
    }
  });

  it("reports failed visits and exits 1 when the store cannot be reached, writing --json", async () => {
    const run = io({ AISLE_ADMIN_TOKEN: undefined });
    const { code } = await simulateMain(["--url", "http://127.0.0.1:9", "--shoppers", "2", "--json", "result.json"], run.io);
    expect(code).toBe(1);
    expect(run.out()).toMatch(/2 visits failed/);
    expect(run.out()).toMatch(/failed: 2 × landing page/);
    expect(JSON.parse(readFileSync(path.join(run.io.cwd, "result.json"), "utf8"))).toMatchObject({ visits: { planned: 2, failed: 2 }, ok: false });
  });
});

describe("Browser", () => {
  it("follows a redirect within the store but refuses one to another origin", async () => {
    const server = createServer((request, response) => {
      if (request.url === "/here") response.writeHead(302, { location: "/there" }).end();
      else if (request.url === "/away") response.writeHead(302, { location: "http://example.com/" }).end();
      else response.writeHead(200, { "set-cookie": "aisle-browser=b1; Path=/" }).end(request.url);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const browser = new Browser(origin, 5000);
      expect((await browser.request("page", "/here")).text).toBe("/there");
      expect(browser.jar.get("aisle-browser")).toBe("b1");
      await expect(browser.request("page", "/away")).rejects.toThrow(StoreError);
      await expect(browser.request("page", "http://example.com/")).rejects.toThrow(/refused to leave/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
