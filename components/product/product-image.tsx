interface ProductImageProps {
  src: string;
  alt: string;
  /** Above the fold: load now, at high priority. */
  eager?: boolean;
}

/**
 * A product's picture, filling its (relatively positioned) frame. Our pictures are local 640×640 SVGs,
 * which next/image would serve unchanged (it does not resize SVG), so a plain server-rendered img does the
 * same job without shipping the image component's client JavaScript.
 */
export function ProductImage({ src, alt, eager = false }: ProductImageProps) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- SVGs are not optimised by next/image; see above.
    <img
      src={src}
      alt={alt}
      width={640}
      height={640}
      loading={eager ? "eager" : "lazy"}
      fetchPriority={eager ? "high" : "auto"}
      decoding="async"
      className="absolute inset-0 size-full object-cover"
    />
  );
}
