// A browser's cookies, as much of them as a simulated shopper needs: one store, one origin, so names and values
// only. Each `Set-Cookie` sets its pair (a later one wins); one that expires it (Max-Age ≤ 0, an Expires in the
// past, an empty value) removes it. Path, Domain, Secure and SameSite are ignored: every request goes to the one
// store the simulation was given.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the `Set-Cookie` header lines of a response. */
  store(setCookies: readonly string[], now = Date.now()): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const equals = pair.indexOf("=");
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim().replace(/^"(.*)"$/, "$1");
      if (name === "") continue;
      if (value === "" || attributes.some((attribute) => expires(attribute, now))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The `Cookie` request header, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function expires(attribute: string, now: number): boolean {
  const equals = attribute.indexOf("=");
  if (equals < 0) return false;
  const key = attribute.slice(0, equals).trim().toLowerCase();
  const value = attribute.slice(equals + 1).trim();
  if (key === "max-age") return Number(value) <= 0;
  if (key === "expires") {
    const at = Date.parse(value);
    return Number.isFinite(at) && at <= now;
  }
  return false;
}
