import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseImageHosts } from "@/lib/catalog/image-hosts";
import { synonymFileSchema } from "@/lib/catalog/retrieval/synonym-file";
import { replaceSynonyms } from "@/lib/catalog/retrieval/vocabulary";
import { ConfigError, readConfig } from "@/lib/config/env";
import { getDb, type Db } from "@/lib/db/client";
import { processesHolding } from "@/lib/db/pglite-holders";
import { generateCatalog } from "./generate";
import { FORMATS, importCatalog, type Format, type ImportReport } from "./import-catalog";
import { NotShopifyCsvError } from "./shopify-csv";
import { describeRefusal } from "./types";

// `npm run catalog -- <command>` (DESIGN §4, README "Bring your own catalog"): import a catalog file, generate
// a synthetic one, or replace the search's synonyms. Exit 0: everything taken; 1: a row refused (or the
// database failed); 2: a usage error (unknown command or flag, a file that cannot be read).

export const USAGE = `usage: npm run catalog -- <command>
  import FILE [--format jsonl|shopify-csv] [--dry-run] [--skip-bad]
      Upserts the products of FILE by id: JSON Lines (.jsonl), one product a line, or Shopify's product CSV
      export (.csv); the format is guessed from the extension unless given. All or nothing: one refused row
      (each is named by line and field) and nothing is written, unless --skip-bad (the good rows are written).
      --dry-run checks every row and says what would be added, changed and refused, writing nothing.
  generate --products N --out FILE [--seed S]
      Writes a synthetic catalog of N products in the JSON Lines format; the same N and S give the same file.
  synonyms FILE
      Replaces the search's synonyms with FILE's ({"synonyms": [...]}, as lib/catalog/data/synonyms.json).

The database is the store's: DATABASE_URL (PostgreSQL), else embedded PGlite in AISLE_DATA_DIR (default
.data/pglite). PGlite is one process per directory: stop the store's server first (or use PostgreSQL).
Images: a path under public/, or an https URL on a host of AISLE_IMAGE_HOSTS (comma-separated); none: a
placeholder. Exit codes: 0 everything taken, 1 a row refused or the import failed, 2 a usage error.`;

export interface CatalogIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The database; default: the store's (lib/db/client.ts). */
  db?: () => Promise<Db>;
}

class UsageError extends Error {}
/** The embedded database is open in another process: nothing to fix in the command, but it cannot run now. */
class DatabaseInUseError extends Error {}

const plural = (count: number, word: string) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

function guessFormat(file: string, given: string | undefined): Format {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format must be jsonl or shopify-csv, got "${given}"`);
    return given as Format;
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  if (extension === ".csv") return "shopify-csv";
  throw new UsageError(`cannot tell the format of ${path.basename(file)} from its extension: pass --format jsonl or --format shopify-csv`);
}

/** Where the data goes, without a password: "PostgreSQL at host:5432/aisle" or "PGlite in .data/pglite". */
function databaseOf(env: Record<string, string | undefined>): { name: string; postgres: boolean; pgliteDir?: string } {
  const { url, dataDir } = readConfig(env).database;
  if (url) {
    const parsed = new URL(url);
    return { name: `PostgreSQL at ${parsed.host}${parsed.pathname}`, postgres: true };
  }
  if (dataDir === "memory://") return { name: "PGlite in memory", postgres: false };
  return { name: `PGlite in ${dataDir}`, postgres: false, pgliteDir: dataDir };
}

function summary(report: ImportReport, options: { dryRun: boolean; skipBad: boolean; ms: number }): string {
  const lines = report.refused.map(describeRefusal);
  const seconds = `${(options.ms / 1000).toFixed(1)} s`;
  const created = report.categoriesCreated.map((category) => category.slug).join(", ");
  if (!report.written && !options.dryRun) {
    lines.push(`refused ${plural(report.refused.length, "row")}: nothing written (all or nothing; fix ${report.refused.length === 1 ? "it" : "them"}, or pass --skip-bad to write the ${plural(report.good, "good row")}) — ${seconds}`);
    return lines.join("\n");
  }
  const would = options.dryRun ? "would be " : "";
  lines.push(
    `${options.dryRun ? "dry run, nothing written: " : ""}added ${report.added.toLocaleString("en-US")}, changed ${report.changed.toLocaleString("en-US")}, unchanged ${report.unchanged.toLocaleString("en-US")}, refused ${report.refused.length.toLocaleString("en-US")}, categories ${would}created ${report.categoriesCreated.length}${created ? ` (${created})` : ""} — ${seconds}${report.indexesRebuilt ? " (indexes built once)" : ""}`,
  );
  return lines.join("\n");
}

async function runImport(args: string[], io: CatalogIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: "string" }, "dry-run": { type: "boolean" }, "skip-bad": { type: "boolean" } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "import needs a FILE" : `import takes one FILE, got ${positionals.length}`);
  const file = path.resolve(io.cwd, positionals[0] as string);
  const format = guessFormat(file, values.format);
  let hosts: string[];
  try {
    hosts = parseImageHosts(io.env.AISLE_IMAGE_HOSTS);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = readText(file);
  const database = databaseOf(io.env);
  refuseOpenPglite(database.pgliteDir, io);
  const options = { dryRun: values["dry-run"] ?? false, skipBad: values["skip-bad"] ?? false };
  io.stdout.write(`${options.dryRun ? "checking" : "importing"} ${positionals[0]} (${format}) into ${database.name}\n`);
  const started = performance.now();
  const db = await (io.db ?? getDb)();
  // Indexes built once on PGlite only: there no server reads meanwhile (one process a directory), whereas on
  // PostgreSQL dropping an index locks the store's readers out until the import commits, for ~10% less time.
  const indexes = database.postgres ? "keep" : "auto";
  const report = await importCatalog(db, text, { format, ...options, indexes, images: { publicDir: path.join(io.cwd, "public"), hosts } });
  io.stdout.write(`${summary(report, { ...options, ms: performance.now() - started })}\n`);
  return report.refused.length > 0 ? 1 : 0;
}

/** PGlite is one process per directory: refuse while another (the store's server) has it open. */
function refuseOpenPglite(dir: string | undefined, io: CatalogIo): void {
  if (!dir) return;
  const resolved = path.resolve(io.cwd, dir);
  const holders = processesHolding(resolved);
  if (holders === undefined) {
    // Not Linux: PGlite leaves postmaster.pid while open (and after a server that was killed).
    if (existsSync(path.join(resolved, "postmaster.pid"))) io.stderr.write(`note: ${dir} may be open (its postmaster.pid is there): stop the store's server before importing, PGlite is one process per directory\n`);
    return;
  }
  if (holders.length > 0) {
    const who = holders.map((holder) => `${holder.pid}${holder.command ? ` (${holder.command})` : ""}`).join(", ");
    throw new DatabaseInUseError(`${dir} is open in process ${who}: PGlite is one process per directory, so stop the store's server first (or use PostgreSQL through DATABASE_URL)`);
  }
}

function wholeNumber(value: string | undefined, flag: string, { min, max }: { min: number; max: number }): number {
  const number = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max.toLocaleString("en-US")}, got ${value === undefined ? "nothing" : `"${value}"`}`);
  return number;
}

function runGenerate(args: string[], io: CatalogIo): number {
  const { values } = parseArgs({ args, options: { products: { type: "string" }, out: { type: "string" }, seed: { type: "string" } }, strict: true, allowPositionals: false });
  const products = wholeNumber(values.products, "--products", { min: 1, max: 10_000_000 });
  if (!values.out) throw new UsageError("generate needs --out FILE");
  const seed = values.seed === undefined ? 1 : wholeNumber(values.seed, "--seed", { min: 0, max: 2 ** 31 - 1 });
  const out = path.resolve(io.cwd, values.out);
  const started = performance.now();
  let fd: number;
  try {
    fd = openSync(out, "w");
  } catch (error) {
    throw new UsageError(`cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    // A megabyte a write: a million products never sit in memory as one string.
    let chunk = "";
    for (const line of generateCatalog({ products, seed })) {
      chunk += line;
      if (chunk.length >= 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  io.stdout.write(`wrote ${plural(products, "product")} to ${values.out} (seed ${seed}) — ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

async function runSynonyms(args: string[], io: CatalogIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError("synonyms needs one FILE");
  const file = path.resolve(io.cwd, positionals[0] as string);
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`${positionals[0]}: not JSON (${(error as Error).message})\n`);
    return 1;
  }
  const parsed = synonymFileSchema.safeParse(json);
  if (!parsed.success) {
    io.stderr.write(`${parsed.error.issues.map((issue) => `${positionals[0]}: ${issue.path.join(".") || "file"}: ${issue.message}`).join("\n")}\n`);
    return 1;
  }
  refuseOpenPglite(databaseOf(io.env).pgliteDir, io);
  const groups = await replaceSynonyms(await (io.db ?? getDb)(), parsed.data);
  io.stdout.write(`replaced the synonyms with ${plural(groups, "group")} from ${positionals[0]}\n`);
  return 0;
}

export async function catalogMain(argv: readonly string[], io: CatalogIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "import":
        return await runImport(args, io);
      case "generate":
        return runGenerate(args, io);
      case "synonyms":
        return await runSynonyms(args, io);
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command === undefined ? "no command given" : `unknown command "${command}"`);
    }
  } catch (error) {
    // parseArgs says what is wrong with a flag in a TypeError carrying an ERR_PARSE_ARGS_* code.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof NotShopifyCsvError || error instanceof DatabaseInUseError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${command} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
