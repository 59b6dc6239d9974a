interface RatingProps {
  /** 1–5; 0 when nobody has rated it yet (an imported product without ratings). */
  rating: number;
  reviewCount: number;
}

export function Rating({ rating, reviewCount }: RatingProps) {
  if (rating === 0) return <span className="text-xs text-ink-faint">Not yet rated</span>;
  return (
    // One labelled image to assistive technology; the star is drawn by CSS (app/globals.css).
    <span className="rating" role="img" aria-label={`${rating.toFixed(1)} of 5 stars, ${reviewCount.toLocaleString("en-US")} reviews`}>
      <b>{rating.toFixed(1)}</b>
      {` (${reviewCount.toLocaleString("en-US")})`}
    </span>
  );
}
