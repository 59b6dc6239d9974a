import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// Where `npm test` records the browser it provisioned (scripts/ensure-browser.ts), for Playwright's config
// and the bench to read back. Only erasable TypeScript: Node 24 runs it directly.

const CHOICE_FILE = "node_modules/.cache/aisle/browser.json";

/** A Chromium binary's path; null = Playwright's own Chromium. */
export interface BrowserChoice {
  executablePath: string | null;
}

export function saveBrowserChoice(choice: BrowserChoice): void {
  mkdirSync(dirname(CHOICE_FILE), { recursive: true });
  writeFileSync(CHOICE_FILE, JSON.stringify(choice));
}

/** The browser to launch: CHROMIUM_PATH, else the recorded choice; undefined = Playwright's own. */
export function chosenExecutablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (!existsSync(CHOICE_FILE)) return undefined;
  return (JSON.parse(readFileSync(CHOICE_FILE, "utf8")) as BrowserChoice).executablePath ?? undefined;
}
