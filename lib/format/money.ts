const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatPrice(dollars: number): string {
  return usd.format(dollars);
}
