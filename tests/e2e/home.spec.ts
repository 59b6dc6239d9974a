import { expect, test } from "@playwright/test";

test("shows the ranking for shopper 12345, every product once, the MacBook Air ahead of the seed's other nine", async ({ page, request }) => {
  await page.goto("/?shopper=12345");
  const grid = page.getByTestId("ranked-grid");
  await expect(grid).toHaveAttribute("data-state", "done", { timeout: 45_000 });

  const ids = await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-id")));
  const catalog = (await (await request.get("/api/rankings?shopper=12345")).text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; id?: string })
    .filter((line) => line.type === "item");
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(catalog.length);

  const seed = ids.filter((id): id is string => id !== null && Number(id) >= 1 && Number(id) <= 10);
  expect(seed).toHaveLength(10);
  expect(seed[0]).toBe("1");
  const ranks = await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => Number(card.getAttribute("data-rank"))));
  expect(ranks).toEqual(ranks.map((_, index) => index + 1));
});
