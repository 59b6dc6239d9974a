import { getImageProps } from "next/image";

interface ProductImageProps {
  src: string;
  alt: string;
  /** Above the fold: load now, at high priority. */
  eager?: boolean;
  /** How wide the frame is drawn, for a remote image's srcset (the card grid's by default). */
  sizes?: string;
}

/** A grid card's width: half the screen, a quarter from `lg`, at most a quarter of the 72rem page. */
const CARD_SIZES = "(min-width: 1152px) 280px, (min-width: 1024px) 25vw, 50vw";

/**
 * A product's picture, filling its frame (`.frame`, or a card's `.card-media`: the frame styles it, so 72
 * cards do not repeat a class; app/globals.css), rendered on the server with no client
 * JavaScript. A local picture (our 640×640 SVGs, which next/image would serve unchanged: it does not resize
 * SVG) is a plain img. A remote one (https, on a host of AISLE_IMAGE_HOSTS: next.config.js) goes through
 * Next's image optimizer — resized to the frame, modern formats, cached — with next/image's own attributes,
 * from getImageProps rather than the Image component, which would hydrate for nothing.
 */
export function ProductImage({ src, alt, eager = false, sizes = CARD_SIZES }: ProductImageProps) {
  const loading = eager ? "eager" : "lazy";
  const fetchPriority = eager ? "high" : undefined;
  if (src.startsWith("https://")) {
    // next/image hides the alt text while loading with an inline style, which the pages' CSP (no
    // 'unsafe-inline' styles) refuses: the same is a class here.
    const { style: _style, ...props } = getImageProps({ src, alt, width: 640, height: 640, sizes, loading, fetchPriority, decoding: "async", className: "text-transparent" }).props;
    // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's own props, alt among them.
    return <img {...props} />;
  }
  return (
    // No width, height or decoding: the frame sizes it (aspect-square), and 72 cards would repeat them.
    // eslint-disable-next-line @next/next/no-img-element -- SVGs are not optimised by next/image; see above.
    <img src={src} alt={alt} loading={loading} fetchPriority={fetchPriority} />
  );
}
