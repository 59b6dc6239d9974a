"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

const TIMING = { duration: 320, easing: "cubic-bezier(0.2, 0.8, 0.2, 1)" } as const;
const ENTER: Keyframe[] = [{ opacity: 0, transform: "translateY(8px) scale(0.98)" }, { opacity: 1, transform: "none" }];

interface Place {
  left: number;
  top: number;
}

/**
 * FLIP: after each render, children (marked `data-flip-key`) that moved glide from where they were to
 * where they are, and new ones fade in. Script animations, not CSS: React moves a keyed node by
 * re-inserting it, which would restart a CSS animation on every move. Places are layout offsets, which
 * neither scrolling nor a running animation's transform changes. A new move replaces a running one.
 * Nothing moves under prefers-reduced-motion.
 */
export function useFlip(container: RefObject<HTMLElement | null>): void {
  const places = useRef(new Map<string, Place>());
  const running = useRef(new WeakMap<Element, Animation>());
  const seen = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    // A list seen for the first time (hydrated with its cards, or taking over the cards placed before
    // hydration) is adopted as it stands: its cards are already on screen, nothing enters or moves.
    const adopted = seen.current !== root;
    seen.current = root;
    const still = adopted || window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const now = new Map<string, Place>();
    for (const element of root.querySelectorAll<HTMLElement>(":scope > [data-flip-key]")) {
      const key = element.dataset.flipKey ?? "";
      const place = { left: element.offsetLeft, top: element.offsetTop };
      now.set(key, place);
      if (still) continue;
      const before = places.current.get(key);
      if (before && before.left === place.left && before.top === place.top) continue;
      running.current.get(element)?.cancel();
      const keyframes = before
        ? [{ transform: `translate(${before.left - place.left}px, ${before.top - place.top}px)` }, { transform: "none" }]
        : ENTER;
      running.current.set(element, element.animate(keyframes, TIMING));
    }
    places.current = now;
  });
}
