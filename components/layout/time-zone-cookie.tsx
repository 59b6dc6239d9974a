"use client";

import { useEffect } from "react";

/**
 * Tells the store the browser's time zone (a cookie), so "when you shop" is said in the shopper's own hours
 * (lib/shoppers/history/derive-profile.ts). Written only when missing or changed.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || document.cookie.split("; ").includes(`aisle-tz=${encodeURIComponent(zone)}`)) return;
    document.cookie = `aisle-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
