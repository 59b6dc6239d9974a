/**
 * `npm test` provisions the browser its end-to-end suite needs, in this order, and tells Playwright which one
 * (playwright.config.ts reads the choice back):
 *   1. CHROMIUM_PATH, when set;
 *   2. Playwright's own Chromium, already downloaded or downloaded now (`playwright install chromium`);
 *   3. a system Chromium (/usr/bin/chromium and the usual other names);
 *   4. as root on Debian or Ubuntu, Debian's `chromium` package, installed with apt-get;
 *   5. else one clear line saying what to install, and a non-zero exit.
 * Only erasable TypeScript: Node 24 runs this file directly.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { saveBrowserChoice, type BrowserChoice } from "./browser-choice.ts";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const DOWNLOAD_TIMEOUT_MS = 180_000;

function say(line: string): void {
  console.log(`[browser] ${line}`);
}

function run(command: string, args: string[], timeout: number): boolean {
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], timeout, encoding: "utf8" });
  return result.status === 0;
}

function playwrightChromium(): string | undefined {
  const path = chromium.executablePath();
  if (existsSync(path)) return path;
  say("downloading Playwright's Chromium (playwright install chromium)…");
  const cli = "node_modules/playwright-core/cli.js";
  if (run(process.execPath, [cli, "install", "chromium"], DOWNLOAD_TIMEOUT_MS) && existsSync(chromium.executablePath())) return chromium.executablePath();
  say("Playwright's Chromium cannot be downloaded here; looking for a system Chromium");
  return undefined;
}

function systemChromium(): string | undefined {
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}

function aptChromium(): string | undefined {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !existsSync("/usr/bin/apt-get")) return undefined;
  say("installing Debian's chromium package (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env, timeout: 600_000 }).status === 0;
  if (apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "chromium"])) return systemChromium();
  return undefined;
}

/** The browser to use: a path, or null for Playwright's own (its default). */
function choose(): BrowserChoice | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? { executablePath: configured } : undefined;
  if (playwrightChromium()) return { executablePath: null };
  const system = systemChromium() ?? aptChromium();
  return system ? { executablePath: system } : undefined;
}

const choice = choose();
if (!choice) {
  console.error(
    process.env.CHROMIUM_PATH
      ? `[browser] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome binary.`
      : "[browser] No Chromium for the end-to-end tests: run `npx playwright install chromium`, or install Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH.",
  );
  process.exit(1);
}
saveBrowserChoice(choice);
say(`using ${choice.executablePath ?? "Playwright's Chromium"}`);
