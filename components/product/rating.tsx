interface RatingProps {
  /** 1–5; 0 when nobody has rated it yet (an imported product without ratings). */
  rating: number;
  reviewCount: number;
}

export function Rating({ rating, reviewCount }: RatingProps) {
  if (rating === 0) return <span className="text-xs text-ink-faint">Not yet rated</span>;
  return (
    <span className="rating" aria-label={`Rated ${rating.toFixed(1)} out of 5 by ${reviewCount.toLocaleString("en-US")} shoppers`}>
      <i aria-hidden>★</i>
      <b>{rating.toFixed(1)}</b>
      <span aria-hidden>{`(${reviewCount.toLocaleString("en-US")})`}</span>
    </span>
  );
}
