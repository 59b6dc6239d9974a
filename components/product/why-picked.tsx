interface WhyPickedProps {
  reason: string;
  shopperName: string;
}

/** The model's reason from the shopper's latest ranking. Plain text: React escapes it. */
export function WhyPicked({ reason, shopperName }: WhyPickedProps) {
  return (
    <section aria-labelledby="why-picked" className="rounded-card border border-brand/15 bg-brand-soft p-4" data-testid="why-picked">
      <h2 id="why-picked" className="text-sm font-semibold text-brand-strong">
        Why this was picked for {shopperName}
      </h2>
      <p className="mt-1 text-sm leading-relaxed text-ink">{reason}</p>
    </section>
  );
}
