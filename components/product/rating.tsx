interface RatingProps {
  rating: number;
  reviewCount: number;
}

export function Rating({ rating, reviewCount }: RatingProps) {
  return (
    <span className="inline-flex items-center gap-1 text-xs text-ink-soft" aria-label={`Rated ${rating.toFixed(1)} out of 5 by ${reviewCount.toLocaleString("en-US")} shoppers`}>
      <span aria-hidden className="text-gold">★</span>
      <span className="font-medium text-ink">{rating.toFixed(1)}</span>
      <span aria-hidden>({reviewCount.toLocaleString("en-US")})</span>
    </span>
  );
}
