"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { CartChange } from "@/lib/cart/cart";

/**
 * Runs a cart server action; after a change the page refreshes (the header's count, and the picks
 * re-rank around the new cart). Keeps the last result so the caller can show it or its error.
 */
export function useCartChange() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<CartChange | null>(null);
  const run = (change: () => Promise<CartChange>) =>
    startTransition(async () => {
      const outcome = await change();
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  return { pending, result, run };
}
