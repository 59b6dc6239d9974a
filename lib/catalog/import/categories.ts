import type { ProductRecord } from "./rows";

// A category an import names that the store lacks is created with it (DESIGN §4): its name from the file
// ("Shirts & Tops") or from the slug ("home-office" → "Home Office"), a one-line blurb from the kinds of
// product it holds, and a place in the navigation after the existing ones, in the order the file names them.

export interface NewCategory {
  slug: string;
  name: string;
  blurb: string;
  position: number;
}

export const titleCase = (slug: string) =>
  slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");

/** "laptop" → "laptops", "dress" → "dresses", "battery" → "batteries"; "running shoes" stays. */
export function plural(kind: string): string {
  if (/(ss|sh|ch|x|z)$/i.test(kind)) return `${kind}es`;
  if (/s$/i.test(kind)) return kind;
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}

/** "Laptops, monitors and keyboards." from the category's three most common kinds. */
function blurb(kinds: Map<string, number>): string {
  const top = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([kind]) => plural(kind.toLowerCase()));
  const list = top.length > 1 ? `${top.slice(0, -1).join(", ")} and ${top.at(-1)}` : (top[0] ?? "products");
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}.`;
}

export function newCategories(records: readonly { record: ProductRecord; categoryName?: string }[], existing: ReadonlySet<string>, nextPosition: number): NewCategory[] {
  const found = new Map<string, { name: string; kinds: Map<string, number> }>();
  for (const { record, categoryName } of records) {
    if (existing.has(record.category)) continue;
    let category = found.get(record.category);
    if (!category) {
      category = { name: categoryName?.trim() || titleCase(record.category), kinds: new Map() };
      found.set(record.category, category);
    }
    category.kinds.set(record.kind, (category.kinds.get(record.kind) ?? 0) + 1);
  }
  return [...found].map(([slug, { name, kinds }], index) => ({ slug, name: name.slice(0, 100), blurb: blurb(kinds), position: nextPosition + index }));
}
