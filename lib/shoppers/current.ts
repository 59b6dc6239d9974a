/** The cookie that remembers which shopper this browser is (DESIGN §4: `?shopper=` selects and remembers). */
export const SHOPPER_COOKIE = "aisle-shopper";
