"use client";

import { createContext } from "react";

/** Inside a ranked grid: the id of the ranking shown (the grid's `data-ranking-id`); null elsewhere. */
export const ShownRanking = createContext<string | null>(null);
