import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { idForHandle } from "@/lib/catalog/import/handle-id";
import { htmlToPlainText } from "@/lib/catalog/import/html-text";
import { NotShopifyCsvError, readShopifyCsv, slugify } from "@/lib/catalog/import/shopify-csv";

// Shopify's product CSV export read as Aisle's rows (lib/catalog/import/shopify-csv.ts): a product's rows
// folded by Handle, HTML bodies as text, and every refusal named by the file line it is on. The fixture has
// a product whose quoted body spans two lines, so later lines are numbered past it.

const fixture = readFileSync("tests/fixtures/shopify-products.csv", "utf8");
const HEADER = "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Variant Price,Image Src";

describe("Shopify's product CSV", () => {
  const read = readShopifyCsv(fixture);
  const byName = (name: string) => read.rows.find((row) => (row.value as { name: string }).name === name);

  it("folds a product's variant and image rows into one product at the lowest variant price", () => {
    expect(read.rows.map((row) => row.line)).toEqual([2, 6, 9]);
    expect(byName("Merino Runner")).toEqual({
      line: 2,
      categoryName: "Sneakers",
      value: {
        id: idForHandle("merino-runner"),
        name: "Merino Runner",
        brand: "Fieldstep",
        category: "sneakers",
        kind: "sneakers",
        price: "95.00",
        description: "Soft merino wool uppers & a cushioned sole. Machine washable Made for all-day walking",
        tags: ["wool", "comfortable", "eco-friendly"],
        image: "https://cdn.shopify.com/s/files/1/0001/merino-runner.jpg?v=1",
      },
    });
  });

  it("decodes HTML entities, takes the category from Type without a Product Category, and leaves a product without an image to the placeholder", () => {
    expect(byName("Ridge 2-Person Tent")?.value).toMatchObject({ category: "tent", kind: "tent", price: "249.99", description: "Light & quick Pitches in 3 minutes, weighs <2 kg — café to campsite.", image: undefined });
    expect(byName("Zephyr Whistling Kettle")?.value).toMatchObject({ category: "kettles", kind: "kettle", image: "https://cdn.shopify.com/s/files/1/0001/zephyr-variant.jpg" });
  });

  it("refuses a bad variant price and a second title under one handle, each by its line", () => {
    expect(read.refused).toEqual([
      { line: 7, problem: 'Variant Price: must be a positive number, got "abc"' },
      { line: 8, problem: 'Title: handle "merino-runner" is already the product "Merino Runner" (line 2); a second product needs a handle of its own' },
    ]);
    // The refused row's own variant ($68) does not become the first product's price.
    expect((byName("Merino Runner")?.value as { price: string }).price).toBe("95.00");
  });

  it("numbers lines as an editor does with Windows line endings too", () => {
    const windows = readShopifyCsv(fixture.replace(/\n/g, "\r\n"));
    expect(windows.rows.map((row) => row.line)).toEqual([2, 6, 9]);
    expect(windows.refused.map((refusal) => refusal.line)).toEqual([7, 8]);
  });

  it("refuses two handles that give one product id, naming both", () => {
    const text = `${HEADER}\na-shirt,A Shirt,,Wren,,Shirt,,20.00,\nb-shirt,B Shirt,,Wren,,Shirt,,22.00,\n`;
    const read = readShopifyCsv(text, () => "7000000000000001");
    expect(read.rows).toHaveLength(1);
    expect(read.refused).toEqual([{ line: 3, problem: 'Handle: "b-shirt" gives the same product id 7000000000000001 as "a-shirt" (line 2); rename one of them' }]);
  });

  it("refuses a row the CSV parser cannot read, and a handle with no titled row", () => {
    const text = `${HEADER}\nok,OK Shirt,,Wren,,Shirt,,20.00,\nbroken,"Broken,,Wren\nlost,,,,,,,5.00,\n`;
    expect(readShopifyCsv(text).refused.map((refusal) => refusal.line)).toEqual([3]);
    const untitled = readShopifyCsv(`${HEADER}\nlost,,,,,,,5.00,\n`);
    expect(untitled.refused).toEqual([{ line: 2, problem: 'Title: no row of handle "lost" has a Title' }]);
  });

  it("says a file is not a Shopify export when its header lacks the columns", () => {
    expect(() => readShopifyCsv("name,price\nMug,12\n")).toThrow(NotShopifyCsvError);
    expect(() => readShopifyCsv("name,price\nMug,12\n")).toThrow("not a Shopify product export: no Handle, Title, Variant Price columns on line 1 (it has name, price)");
  });

  it("gives each handle one stable id of 16 digits starting with 7, the same for any letter case", () => {
    const id = idForHandle("merino-runner");
    expect(id).toMatch(/^7\d{15}$/);
    expect(idForHandle(" Merino-Runner ")).toBe(id);
    expect(idForHandle("merino-runner-2")).not.toBe(id);
  });
});

describe("HTML bodies and category names", () => {
  it("keeps the words of an HTML body and nothing of its markup, links or scripts", () => {
    expect(htmlToPlainText('<h2>Size guide</h2><p>Fits <a href="https://x.example/">true</a> to size.<img src="a.png"><script>alert(1)</script></p>')).toBe("Size guide Fits true to size.");
  });

  it("writes categories as the store's slugs", () => {
    expect(slugify("Home & Kitchen")).toBe("home-kitchen");
    expect(slugify("  Crème Brûlée Tools ")).toBe("creme-brulee-tools");
  });
});
