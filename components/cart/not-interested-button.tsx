"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { notInterested } from "@/app/actions/shopper";

/**
 * "Not interested" in a recommended product: off the grid at once, recorded as the shopper's answer (their
 * profile and prompt hold it; /profile undoes it), then the page re-ranks without it.
 */
export function NotInterestedButton({ productId, dismiss }: { productId: string; dismiss: (productId: string) => void }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const answer = () => {
    dismiss(productId);
    startTransition(async () => {
      const result = await notInterested({ productId });
      if (result.ok) router.refresh();
    });
  };
  // No type and no class: it sits in no form, and its place styles it (.cart-action > button + button), a
  // saving 72 cards a page make worth it.
  return (
    <button data-testid="not-interested" onClick={answer}>
      Not interested
    </button>
  );
}
