import { compile } from "html-to-text";

// A Shopify "Body (HTML)" as the plain text a product's description is: tags dropped, entities decoded
// (&amp; → &, &nbsp; → a space), links' URLs and images left out, headings not shouted, all on one line.
// html-to-text parses real HTML (htmlparser2), so broken markup and scripts come out as text or nothing.

const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    // A list item on one line needs no bullet ("" would fall back to " * ").
    { selector: "ul", options: { itemPrefix: " " } },
  ],
});

export function htmlToPlainText(html: string): string {
  if (html.trim() === "") return "";
  return toText(html).replace(/\s+/g, " ").trim();
}
