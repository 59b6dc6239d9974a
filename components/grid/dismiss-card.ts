"use client";

import { createContext } from "react";

/**
 * Inside a ranked grid: takes a card off the grid at once ("not interested"), before the re-ranking that
 * leaves it out arrives. Null elsewhere (a listing's card has no such control).
 */
export const DismissCard = createContext<((productId: string) => void) | null>(null);
