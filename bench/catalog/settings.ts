// The catalog section's inputs (BENCHMARKS.md §11): catalog sizes, databases, and how many times each figure is taken.

export type DatabaseKind = "pglite" | "postgres";

export interface CatalogSettings {
  sizes: number[];
  databases: DatabaseKind[];
  /** Each query of the mix, and each shortlist, is timed this many times (after one untimed run). */
  queryRuns: number;
  /** Page loads per page kind and size. */
  pageRuns: number;
  /** The two `npm start` processes on one PostgreSQL, at the largest size. */
  twoServers: boolean;
  /** The catalogs' generator seed. */
  seed: number;
}

export const CATALOG_FULL: CatalogSettings = { sizes: [1_000, 10_000, 100_000], databases: ["pglite", "postgres"], queryRuns: 5, pageRuns: 6, twoServers: true, seed: 1 };
export const CATALOG_QUICK: CatalogSettings = { sizes: [1_000], databases: ["pglite"], queryRuns: 1, pageRuns: 2, twoServers: false, seed: 1 };
