import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProductImage } from "@/components/product/product-image";

// A product's picture (components/product/product-image.tsx): a remote one through Next's image optimizer,
// a local SVG as it is — both a plain server-rendered img, no client JavaScript.

const render = (src: string, more: { eager?: boolean; sizes?: string } = {}) => renderToStaticMarkup(createElement(ProductImage, { src, alt: "Mug", ...more }));

describe("the product image", () => {
  it("serves a remote https picture through /_next/image, resized for the frame", () => {
    const html = render("https://cdn.shopify.com/s/files/mug.jpg?v=2", { sizes: "96px" });
    expect(html).toContain(`src="/_next/image?url=${encodeURIComponent("https://cdn.shopify.com/s/files/mug.jpg?v=2")}&amp;w=`);
    expect(html).toMatch(/srcSet="\/_next\/image\?url=[^"]+ \d+w, /);
    expect(html).toContain('sizes="96px"');
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('src="https://');
    // An inline style would be refused by the pages' Content-Security-Policy (no 'unsafe-inline' styles).
    expect(html).not.toContain("style=");
  });

  it("leaves a local SVG as it is, and loads the first row's pictures at once", () => {
    const html = render("/products/1.svg", { eager: true });
    expect(html).toContain('src="/products/1.svg"');
    expect(html).not.toContain("_next/image");
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchPriority="high"');
  });
});

/** next.config.js as Next loads it: a plain import, here after the environment is set. */
async function loadNextConfig(): Promise<NextConfig> {
  const file = pathToFileURL(path.join(process.cwd(), "next.config.js")).href;
  return ((await import(/* @vite-ignore */ file)) as { default: NextConfig }).default;
}

describe("next.config.js", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("lets the image optimizer fetch from AISLE_IMAGE_HOSTS only, over https, and keeps the security headers", async () => {
    vi.stubEnv("AISLE_IMAGE_HOSTS", "cdn.shopify.com, Images.Example.com");
    const config = await loadNextConfig();
    expect(config.images?.remotePatterns).toEqual([
      { protocol: "https", hostname: "cdn.shopify.com", port: "", pathname: "/**" },
      { protocol: "https", hostname: "images.example.com", port: "", pathname: "/**" },
    ]);
    const headers = await config.headers?.();
    expect(headers?.[0]?.headers.map((header) => header.key)).toEqual(["X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"]);
    expect(headers?.[1]).toMatchObject({ source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] });
  });

  it("allows no remote image without AISLE_IMAGE_HOSTS", async () => {
    vi.stubEnv("AISLE_IMAGE_HOSTS", "");
    const config = await loadNextConfig();
    expect(config.images?.remotePatterns).toEqual([]);
  });
});
