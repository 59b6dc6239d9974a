import { expect, test } from "@playwright/test";
import { runSimulation } from "../../simulate/simulation";
import { E2E_BASE_URL, EXPERIMENT_ADMIN_TOKEN, EXPERIMENT_APP_URL } from "./support/urls";

// "Does the model sell?" on a running store: an experiment between the embedded ranker and the popular order
// (no model, so it runs at CI's pace), a simulated population whose truth is known, and the operator's page.

test.describe.configure({ mode: "serial" });

test("a simulated population: /api/insights finds the popular order clearly worse, its true lift inside the interval", async () => {
  test.setTimeout(300_000);
  const startedAt = Date.now();
  const result = await runSimulation({ url: EXPERIMENT_APP_URL, shoppers: 800, seed: 3, concurrency: 8, maxSeconds: 240, token: EXPERIMENT_ADMIN_TOKEN, seededBrowserIds: true });
  console.log(`simulation: ${result.visits.started} shoppers, ${result.rankings} rankings, ${result.clicks} clicks, ${result.orders} orders in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  expect(result.visits.failed).toBe(0);
  expect(result.insights?.srm?.ok).toBe(true);
  const popular = result.comparison.find((row) => row.arm === "popular" && row.metric === "ctr");
  expect(popular?.trueLift ?? 0).toBeLessThan(-0.15);
  // Significantly worse: the whole interval below zero (p < 0.05) …
  expect(popular?.reportedLift?.ci[1] ?? 1).toBeLessThan(0);
  expect(result.insights?.arms.popular?.lift?.ctr?.p ?? 1).toBeLessThan(0.05);
  // … and the truth inside it.
  expect(popular?.inside).toBe(true);
  expect(result.insights?.arms.embedded?.shoppers ?? 0).toBeGreaterThan(300);
});

test("a shopper keeps an arm across visits, and a card opened from the grid is reported with its ranking and rank", async ({ page }) => {
  await page.goto(`${EXPERIMENT_APP_URL}/?shopper=me&category=books`);
  const grid = page.getByTestId("ranked-grid");
  await expect(grid).toHaveAttribute("data-state", "done");
  const arm = await grid.getAttribute("data-arm");
  expect(["embedded", "popular"]).toContain(arm);
  const rankingId = await grid.getAttribute("data-ranking-id");
  for (let visit = 0; visit < 3; visit++) {
    await page.reload();
    await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-arm", arm ?? "");
  }
  const latest = await page.getByTestId("ranked-grid").getAttribute("data-ranking-id");
  expect(latest).not.toBe(rankingId);

  const card = page.getByTestId("ranked-card").nth(2);
  const productId = await card.getAttribute("data-product-id");
  const beacon = page.waitForRequest((request) => request.url().endsWith("/api/events") && request.method() === "POST");
  const answered = page.waitForResponse((response) => response.url().endsWith("/api/events"));
  await card.getByRole("link").first().click();
  const body = JSON.parse((await beacon).postData() ?? "{}") as { events: { type: string; rankingId: string; productId: string; position: number; source: string }[] };
  expect(body.events).toEqual([expect.objectContaining({ type: "click", rankingId: latest, productId, position: 3, source: "fallback" })]);
  expect((await answered).status()).toBe(202);
  await expect(page).toHaveURL(new RegExp(`/products/${productId}$`));
});

test("/insights: 404 where no token is configured, 401 without the token, every figure and both pictures with it", async ({ page, request }) => {
  expect((await request.get(`${E2E_BASE_URL}/insights`)).status()).toBe(404);
  expect((await request.get(`${E2E_BASE_URL}/api/insights`, { headers: { authorization: "Bearer anything" } })).status()).toBe(404);
  expect((await request.get(`${EXPERIMENT_APP_URL}/api/insights`)).status()).toBe(401);
  expect((await request.get(`${EXPERIMENT_APP_URL}/api/insights`, { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);

  const refused = await page.goto(`${EXPERIMENT_APP_URL}/insights`);
  expect(refused?.status()).toBe(401);
  await page.getByLabel("Admin token").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not signed in." })).toBeVisible();
  await page.getByLabel("Admin token").fill(EXPERIMENT_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("insights")).toBeVisible();
  const table = page.getByTestId("insights-figures");
  for (const figure of ["Shoppers", "Rankings", "CTR", "Clicks per ranking", "Mean clicked position", "Add-to-cart rate", "Orders", "Purchase rate", "Revenue", "Revenue per 1,000 rankings", "Model cost per 1,000 rankings", "Revenue − model cost"]) {
    await expect(table.getByRole("rowheader", { name: figure, exact: false }).first()).toBeVisible();
  }
  await expect(page.getByTestId("lift-ctr-popular")).toContainText("%");
  await expect(page.getByTestId("srm")).toHaveAttribute("data-ok", "true");
  // CTR by position and three lift-over-time charts, each an SVG picture with lines.
  await expect(page.locator('svg[role="img"]')).toHaveCount(4);
  // A line per arm in the first; a line and its interval band for popular in each of the others.
  expect(await page.locator(`svg[role="img"] path`).count()).toBeGreaterThanOrEqual(2 + 3 * 2);
  await page.screenshot({ path: "test-results/insights.png", fullPage: true });
});
