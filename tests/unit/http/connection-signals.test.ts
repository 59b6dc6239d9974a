import { describe, expect, it } from "vitest";
import { claimConnectionSignal, CONNECTION_HEADER, shareConnectionSignal } from "@/lib/http/connection-signals";

describe("connection signals", () => {
  it("hands the proxy's signal to the render once, by a header the proxy sets", () => {
    const headers = new Headers({ [CONNECTION_HEADER]: "chosen-by-the-client" });
    const client = new AbortController();
    shareConnectionSignal(headers, client.signal);
    expect(headers.get(CONNECTION_HEADER)).not.toBe("chosen-by-the-client");
    const signal = claimConnectionSignal(headers);
    expect(signal).toBe(client.signal);
    expect(claimConnectionSignal(headers)).toBeUndefined();
  });

  it("gives nothing for a request the proxy did not see, or an id it never issued", () => {
    expect(claimConnectionSignal(new Headers())).toBeUndefined();
    expect(claimConnectionSignal(new Headers({ [CONNECTION_HEADER]: crypto.randomUUID() }))).toBeUndefined();
  });

  it("keeps an already-aborted signal so a late render still learns the client is gone", () => {
    const headers = new Headers();
    const client = new AbortController();
    shareConnectionSignal(headers, client.signal);
    client.abort();
    expect(claimConnectionSignal(headers)?.aborted).toBe(true);
  });
});
