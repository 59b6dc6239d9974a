import { parse } from "csv-parse/sync";
import { idForHandle, normalizeHandle } from "./handle-id";
import { htmlToPlainText } from "./html-text";
import { priceToCents } from "./price";
import type { Refusal, SourceRow, SourceRows } from "./types";

// Shopify's product CSV export (Products → Export). A product spans several rows sharing its Handle: the
// first row with a Title holds the product (Title, Body (HTML), Vendor, Type, Product Category, Tags); the
// other rows are its variants (Variant Price) and extra images (Image Src). Folded into one product:
// - id: derived from the Handle (handle-id.ts); two handles of the file landing on one id are refused;
// - price: the lowest Variant Price (what "from $X" shows); one bad Variant Price refuses the product;
// - category: the last segment of Product Category ("Apparel & Accessories > Clothing > Shirts & Tops"), else
//   Type, as a slug; kind: Type, else that last segment, lowercase;
// - description: the body as plain text, else the Title; image: the product row's, else the first by
//   Image Position, else a Variant Image; none: the placeholder.
// A later row of a handle carrying another Title is refused: two products cannot share a handle (Shopify's
// own import would merge them into the first), so the file is ambiguous there. Other columns are ignored.

/** The export's header is not a Shopify product export's: the file cannot be read as one (a usage error). */
export class NotShopifyCsvError extends Error {}

const REQUIRED = ["Handle", "Title", "Variant Price"] as const;
const LABELS: Record<string, string> = {
  id: "Handle",
  name: "Title",
  brand: "Vendor",
  category: "Product Category/Type",
  kind: "Type",
  price: "Variant Price",
  description: "Body (HTML)",
  tags: "Tags",
  image: "Image Src",
};
const MAX_DESCRIPTION = 5000;

type CsvRecord = Record<string, string | undefined>;
interface Line {
  line: number;
  record: CsvRecord;
}

const field = (record: CsvRecord, column: string) => (record[column] ?? "").trim();

/** "Home & Kitchen" → "home-kitchen", as the store's category slugs are written. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  return `${head.slice(0, Math.max(head.lastIndexOf(" "), max / 2))}…`;
}

/** The parser counts the line a record ends on; the line breaks inside it (a multi-line body) come before. */
function startLine(endLine: number, raw: string): number {
  const inner = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return endLine - (inner.match(/\n/g)?.length ?? 0);
}

/** Reads the records with the file line each starts on (a quoted body may span lines). */
function records(text: string, refused: Refusal[]): { header: string[]; lines: Line[] } {
  let header: string[] = [];
  // One line break, \n, as an editor counts lines: the parser counts \r\n inside a quoted field as two.
  const parsed = parse(text.replace(/\r\n?/g, "\n"), {
    bom: true,
    columns: (names: string[]) => (header = names.map((name) => name.trim())),
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A record the parser cannot read (an unclosed quote, a wrong number of fields) is a refused row.
    on_skip: (error, raw) => {
      if (!error) return undefined;
      const line = startLine(typeof error.lines === "number" ? error.lines : 0, raw ?? "");
      if (!refused.some((refusal) => refusal.line === line)) refused.push({ line, problem: `not CSV (${error.message})` });
      return undefined;
    },
  }) as { record: CsvRecord; info: { lines: number }; raw: string }[];
  const lines = parsed.map(({ record, info, raw }) => ({ line: startLine(info.lines, raw), record }));
  return { header, lines };
}

function productImage(product: Line, rows: Line[]): string {
  const own = field(product.record, "Image Src");
  if (own) return own;
  const images = rows
    .filter((row) => field(row.record, "Image Src"))
    .sort((a, b) => (Number(field(a.record, "Image Position")) || Infinity) - (Number(field(b.record, "Image Position")) || Infinity));
  const first = images[0] ?? rows.find((row) => field(row.record, "Variant Image"));
  return first ? field(first.record, "Image Src") || field(first.record, "Variant Image") : "";
}

export function readShopifyCsv(text: string, idOf: (handle: string) => string = idForHandle): SourceRows {
  const refused: Refusal[] = [];
  const { header, lines } = records(text, refused);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new NotShopifyCsvError(`not a Shopify product export: no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""} on line 1 (it has ${header.slice(0, 8).join(", ") || "none"}${header.length > 8 ? ", …" : ""})`);
  }

  const groups = new Map<string, Line[]>();
  for (const line of lines) {
    const handle = normalizeHandle(field(line.record, "Handle"));
    if (!handle) {
      refused.push({ line: line.line, problem: "Handle: required" });
      continue;
    }
    const group = groups.get(handle);
    if (group) group.push(line);
    else groups.set(handle, [line]);
  }

  const products: SourceRow[] = [];
  const handleOfId = new Map<string, { handle: string; line: number }>();
  for (const [handle, group] of groups) {
    const product = group.find((row) => field(row.record, "Title"));
    if (!product) {
      refused.push({ line: group[0]?.line ?? 0, problem: `Title: no row of handle "${handle}" has a Title` });
      continue;
    }
    const title = field(product.record, "Title").replace(/\s+/g, " ");
    // A row naming another product is refused, and none of its variants or images join this one.
    const rows = group.filter((row) => {
      const other = field(row.record, "Title").replace(/\s+/g, " ");
      if (!other || other === title) return true;
      refused.push({ line: row.line, problem: `Title: handle "${handle}" is already the product "${title}" (line ${product.line}); a second product needs a handle of its own` });
      return false;
    });

    let lowest: { cents: number; text: string } | undefined;
    let badPrice = false;
    for (const row of rows) {
      const text = field(row.record, "Variant Price");
      if (!text) continue;
      const price = priceToCents(text);
      if (!price.ok) {
        refused.push({ line: row.line, problem: `Variant Price: ${price.message}` });
        badPrice = true;
      } else if (!lowest || price.cents < lowest.cents) lowest = { cents: price.cents, text };
    }
    if (badPrice) continue;

    const id = idOf(handle);
    const taken = handleOfId.get(id);
    if (taken) {
      refused.push({ line: product.line, problem: `Handle: "${handle}" gives the same product id ${id} as "${taken.handle}" (line ${taken.line}); rename one of them` });
      continue;
    }
    handleOfId.set(id, { handle, line: product.line });

    const productCategory = field(product.record, "Product Category").split(">").map((segment) => segment.trim()).filter(Boolean).at(-1) ?? "";
    const type = field(product.record, "Type");
    const categoryName = productCategory || type;
    const body = htmlToPlainText(field(product.record, "Body (HTML)"));
    products.push({
      line: product.line,
      categoryName: categoryName || undefined,
      value: {
        id,
        name: title,
        brand: field(product.record, "Vendor") || undefined,
        category: categoryName ? slugify(categoryName) : undefined,
        kind: (type || productCategory).toLowerCase() || undefined,
        price: lowest?.text,
        description: cut(body || title, MAX_DESCRIPTION),
        tags: field(product.record, "Tags")
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
        image: productImage(product, rows) || undefined,
      },
    });
  }
  return { rows: products, refused: refused.sort((a, b) => a.line - b.line), label: (name) => LABELS[name] ?? name };
}
