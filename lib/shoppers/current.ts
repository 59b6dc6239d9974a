/** The cookie that remembers which shopper this browser is (docs/architecture.md §2: `?shopper=` selects and remembers). */
export const SHOPPER_COOKIE = "aisle-shopper";
