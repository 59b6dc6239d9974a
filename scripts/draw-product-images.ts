// Draws one flat "product photo" SVG per catalog product into public/products/<id>.svg.
// Run with Node 24 (types are stripped natively): node scripts/draw-product-images.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Product } from "../lib/catalog/types";

const root = new URL("../", import.meta.url);
// A dynamic import keeps the explicit ".ts" path Node needs out of the type checker's way.
const productsModule = new URL("lib/catalog/data/products.ts", root).href;
const { PRODUCTS } = (await import(productsModule)) as { PRODUCTS: readonly Product[] };

// ---------------------------------------------------------------- colors

function hex(h: number, s: number, l: number): string {
  const sat = Math.max(0, Math.min(100, s)) / 100;
  const lig = Math.max(0, Math.min(100, l)) / 100;
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return `#${[f(0), f(8), f(4)].map((x) => Math.round(x * 255).toString(16).padStart(2, "0")).join("")}`;
}

interface Pal {
  a: string;
  aD: string;
  aL: string;
  aXL: string;
}

function pal(h: number, s: number, l: number): Pal {
  return { a: hex(h, s, l), aD: hex(h, s, l - 13), aL: hex(h, s + 5, l + 20), aXL: hex(h, s + 10, Math.min(94, l + 36)) };
}

/** Curated accent hues (h, s, l): each product gets one, so same-kind products differ. */
const ACCENTS: readonly [number, number, number][] = [
  [6, 72, 60], // coral
  [24, 82, 55], // tangerine
  [40, 85, 52], // amber
  [152, 46, 42], // emerald
  [176, 52, 38], // teal
  [198, 70, 48], // sky
  [220, 62, 52], // cobalt
  [244, 44, 56], // indigo
  [266, 46, 58], // violet
  [318, 50, 52], // magenta
  [344, 66, 56], // rose
  [128, 24, 48], // sage
  [208, 18, 46], // slate
  [88, 38, 44], // olive
];

const LIP_HUES: readonly [number, number, number][] = [
  [352, 70, 46],
  [336, 62, 52],
  [8, 66, 50],
  [322, 48, 44],
  [356, 56, 60],
];

/** Background hue per category. */
const CATEGORY_HUE: Record<string, number> = {
  electronics: 212,
  books: 262,
  fitness: 166,
  fashion: 20,
  "home-kitchen": 42,
  outdoors: 104,
  beauty: 336,
};

const INK = "#23272e";
const GRAPHITE = "#3b414b";
const STEEL = "#7b838f";
const SILVER = "#c7ccd4";
const SILVER_L = "#e3e6eb";
const WHITE = "#fbfcfd";
const LINE = "#d5d9df";
const GOLD = "#d6ab4a";
const GOLD_L = "#ecd08a";

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- shape helpers

const num = (n: number) => String(Math.round(n * 10) / 10);
const op = (o: number) => ` opacity="${o}"`;
const R = (x: number, y: number, w: number, h: number, rx: number, fill: string, extra = "") =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${rx ? ` rx="${num(rx)}"` : ""} fill="${fill}"${extra}/>`;
const C = (cx: number, cy: number, r: number, fill: string, extra = "") =>
  `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}"${extra}/>`;
const E = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = "") =>
  `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" fill="${fill}"${extra}/>`;
const P = (d: string, fill: string, extra = "") => `<path d="${d}" fill="${fill}"${extra}/>`;
const S = (d: string, stroke: string, w: number, extra = "") =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
const G = (transform: string, body: string) => `<g transform="${transform}">${body}</g>`;
const MIRROR = "matrix(-1 0 0 1 640 0)";
const outline = ` stroke="${LINE}" stroke-width="2"`;

interface Ctx {
  p: Pal;
  /** Deterministic per-product bits for small variations. */
  v: number;
  product: Product;
}

interface Glyph {
  draw: (c: Ctx) => string;
  /** Half-width of the floor shadow. */
  shadow: number;
}

// ---------------------------------------------------------------- glyphs

const laptop: Glyph = {
  shadow: 250,
  draw: ({ p, v, product }) => {
    const deck = product.brand === "Apple" ? (v % 2 ? SILVER : "#9aa1ac") : v % 2 ? "#8d949f" : "#5d646f";
    const deckD = product.brand === "Apple" && v % 2 ? "#aab0b9" : "#4a5059";
    return [
      R(150, 196, 340, 246, 16, INK),
      R(163, 209, 314, 220, 5, "url(#ag)"),
      C(320, 202, 2.5, GRAPHITE),
      R(190, 244, 150, 108, 10, "#fff", op(0.9)),
      R(206, 262, 80, 10, 5, p.aD),
      R(206, 284, 116, 8, 4, SILVER_L),
      R(206, 300, 98, 8, 4, SILVER_L),
      R(206, 322, 56, 16, 8, p.a),
      R(354, 274, 100, 118, 10, "#fff", op(0.45)),
      R(370, 292, 68, 40, 6, "#fff", op(0.6)),
      R(256, 400, 128, 16, 8, "#fff", op(0.55)),
      P("M118 442H522L544 460Q546 470 532 470H108Q94 470 96 460Z", deck),
      R(96, 462, 448, 8, 4, deckD),
      R(284, 442, 72, 7, 3.5, deckD),
    ].join("");
  },
};

const headphones: Glyph = {
  shadow: 160,
  draw: ({ p, v }) => {
    const cup = v % 3 === 0 ? INK : p.a;
    const band = v % 3 === 0 ? GRAPHITE : p.aD;
    const side = (x: number) =>
      [R(x + 60, 362, 36, 96, 17, GRAPHITE), R(x, 348, 78, 122, 36, cup), R(x + 16, 376, 10, 64, 5, "#fff", op(0.2)), C(x + 39, 409, 12, p.aL, op(0.9))].join("");
    return [
      S("M196 372V300a124 124 0 0 1 248 0v72", band, 24),
      S("M218 292a102 102 0 0 1 204 0", "#fff", 5, op(0.2)),
      R(183, 318, 26, 58, 9, SILVER),
      R(431, 318, 26, 58, 9, SILVER),
      side(156),
      G(MIRROR, side(156)),
    ].join("");
  },
};

const earbuds: Glyph = {
  shadow: 180,
  draw: ({ p }) => {
    const bud = [
      E(202, 318, 16, 18, p.aL),
      E(178, 326, 34, 30, WHITE, outline),
      R(160, 340, 24, 126, 12, WHITE, outline),
      R(162, 448, 20, 18, 9, SILVER),
      E(170, 318, 10, 8, "#fff"),
    ].join("");
    return [
      R(226, 328, 188, 142, 54, WHITE, outline),
      S("M230 374H410", LINE, 2),
      R(246, 400, 12, 52, 6, "#000", op(0.04)),
      C(320, 412, 5, p.a),
      R(302, 328, 36, 6, 3, SILVER),
      bud,
      G(MIRROR, bud),
    ].join("");
  },
};

const watch: Glyph = {
  shadow: 90,
  draw: ({ p, v, product }) => {
    const round = product.kind.includes("running");
    const strap = [R(274, 104, 92, 140, 20, p.a), R(274, 370, 92, 100, 20, p.a), C(320, 418, 5, p.aD), C(320, 442, 5, p.aD)];
    const rings = (r1: number, r2: number) =>
      [
        C(320, 304, r1, "none", ` stroke="${p.aD}" stroke-width="11" opacity=".45"`),
        C(320, 304, r1, "none", ` stroke="${p.a}" stroke-width="11" stroke-linecap="round" stroke-dasharray="${num(r1 * 4.6)} 999" transform="rotate(-90 320 304)"`),
        C(320, 304, r2, "none", ` stroke="${p.aL}" stroke-width="11" stroke-linecap="round" stroke-dasharray="${num(r2 * 3.4)} 999" transform="rotate(-90 320 304)"`),
      ].join("");
    if (round) {
      return [
        ...strap,
        R(204, 284, 16, 22, 4, STEEL),
        R(420, 262, 16, 22, 4, STEEL),
        R(420, 320, 16, 22, 4, STEEL),
        C(320, 304, 104, INK),
        C(320, 304, 104, "none", ` stroke="${GRAPHITE}" stroke-width="8"`),
        C(320, 304, 84, "#0f1318"),
        rings(62, 44),
        R(296, 296, 48, 8, 4, "#fff", op(0.85)),
        R(306, 312, 28, 6, 3, p.aL),
      ].join("");
    }
    const body = v % 2 ? INK : SILVER;
    return [
      ...strap,
      R(398, 256, 13, 38, 5, STEEL),
      R(400, 308, 7, 36, 3, STEEL),
      R(238, 204, 164, 200, 46, body),
      R(252, 218, 136, 172, 34, "#0d1015"),
      rings(50, 32),
      C(320, 304, 7, "#fff", op(0.9)),
    ].join("");
  },
};

const ereader: Glyph = {
  shadow: 140,
  draw: ({ p, v }) => {
    const lines: string[] = [];
    for (let i = 0; i < 11; i++) {
      if (i === 5) continue;
      const w = i === 4 || i === 10 ? 70 : 116 - ((v >> i) % 3) * 8;
      lines.push(R(230, 196 + i * 22, w, 7, 3.5, "#bab7ac"));
    }
    return [
      R(228, 134, 236, 324, 24, p.a),
      R(228, 134, 236, 324, 24, "#000", op(0.1)),
      R(196, 146, 236, 324, 22, INK),
      R(214, 168, 152, 280, 4, "#eceae2"),
      ...lines,
      R(380, 186, 34, 244, 14, GRAPHITE),
      R(388, 262, 18, 40, 7, STEEL),
      R(388, 314, 18, 40, 7, STEEL),
      R(200, 150, 8, 316, 4, "#fff", op(0.08)),
    ].join("");
  },
};

const camera: Glyph = {
  shadow: 150,
  draw: ({ p }) =>
    [
      R(226, 272, 66, 22, 8, p.a),
      R(196, 286, 248, 184, 28, INK),
      R(196, 286, 248, 30, 14, "#fff", op(0.06)),
      R(218, 314, 100, 84, 10, "#1a212c"),
      R(224, 320, 88, 72, 6, "url(#ag)", op(0.9)),
      P("M232 384L258 352L274 368L290 344L306 384Z", "#fff", op(0.55)),
      R(334, 306, 92, 92, 18, GRAPHITE),
      C(380, 352, 34, "#0b0d10"),
      C(380, 352, 22, p.aD),
      C(380, 352, 11, "#0b0d10"),
      C(371, 343, 5, "#fff", op(0.75)),
      R(218, 420, 204, 8, 4, GRAPHITE),
      R(218, 438, 204, 8, 4, GRAPHITE),
    ].join(""),
};

const shoe: Glyph = {
  shadow: 220,
  draw: ({ p, v, product }) => {
    const hiking = product.kind.includes("hiking");
    const running = product.kind.includes("running");
    const upper = hiking ? p.aD : p.a;
    const soleTop = running ? 418 : hiking ? 430 : 438;
    const sole = hiking ? INK : v % 2 || running ? WHITE : "#efe4cf";
    const t = hiking ? 262 : 312;
    const parts = [
      P(`M136 446C130 410 132 ${t + 48} 144 ${t + 18}Q150 ${t + 2} 170 ${t}Q200 ${t + 6} 232 ${t + 18}Q250 ${t + 22} 262 ${t + 8}L280 ${t - 14}Q292 ${t - 24} 304 ${t - 14}L334 ${t + 26}C372 356 440 370 488 388C520 400 530 424 522 446Z`, upper),
      P(`M136 446C130 410 132 ${t + 48} 144 ${t + 18}Q150 ${t + 2} 170 ${t}Q176 ${t + 70} 196 446Z`, p.aD, op(0.6)),
      S(`M172 ${t + 3}Q200 ${t + 9} 232 ${t + 21}Q250 ${t + 25} 264 ${t + 11}`, INK, 7, op(0.4)),
      P("M452 446C470 414 506 410 522 446Z", hiking ? INK : p.aD, op(hiking ? 0.9 : 0.55)),
      S("M214 428Q300 386 420 410", hiking ? p.aL : p.aD, 10, op(0.7)),
    ];
    for (let i = 0; i < (hiking ? 6 : 4); i++) {
      const x = 292 + i * 11;
      const y = t - 4 + i * 9 + (hiking ? 0 : 0);
      parts.push(S(`M${x - 12} ${y + 6}L${x + 12} ${y - 8}`, hiking ? GOLD_L : "#fff", 5));
    }
    const shoeBody = G(`translate(0 ${soleTop - 438})`, parts.join(""));
    const soleParts = [
      P(`M124 ${soleTop}H512C530 ${soleTop} 538 ${soleTop + 16} 532 ${soleTop + 30}C527 466 516 470 502 470H150C134 470 122 462 122 ${soleTop + 12}Z`, sole, sole === WHITE ? outline : ""),
    ];
    if (running) soleParts.push(S(`M138 ${soleTop + 20}H500`, p.aL, 5));
    if (hiking) for (let x = 150; x < 510; x += 30) soleParts.push(R(x, 462, 16, 8, 2, "#15181c"));
    return shoeBody + soleParts.join("");
  },
};

const yogaMat: Glyph = {
  shadow: 200,
  draw: ({ p, v }) =>
    [
      P("M172 330H462A38 70 0 0 1 462 470H172A38 70 0 0 1 172 330Z", p.a),
      R(180, 346, 270, 12, 6, "#fff", op(0.22)),
      R(180, 440, 270, 18, 9, "#000", op(0.08)),
      E(462, 400, 38, 70, p.aD),
      E(462, 400, 29, 54, "none", ` stroke="${p.a}" stroke-width="4"`),
      E(462, 400, 19, 36, "none", ` stroke="${p.a}" stroke-width="4"`),
      E(462, 400, 9, 17, p.aL),
      ...(v % 2
        ? [R(232, 328, 16, 144, 4, INK, op(0.8)), R(376, 328, 16, 144, 4, INK, op(0.8)), S("M240 330C250 262 374 262 384 330", INK, 8, op(0.8))]
        : [R(250, 328, 20, 144, 4, p.aXL, op(0.85)), R(356, 328, 20, 144, 4, p.aXL, op(0.85))]),
    ].join(""),
};

const jacket: Glyph = {
  shadow: 190,
  draw: ({ p, product }) => {
    const name = product.name.toLowerCase();
    const hoodie = product.kind === "hoodie";
    const hooded = hoodie || name.includes("hood");
    const puffer = name.includes("puffer");
    const track = name.includes("track");
    const parts: string[] = [];
    if (hooded) {
      parts.push(P("M248 184C242 112 290 84 320 84C350 84 398 112 392 184Q320 206 248 184Z", p.aD));
      parts.push(P("M272 176C272 128 300 108 320 108C340 108 368 128 368 176Q320 190 272 176Z", INK, op(0.3)));
    }
    const sleeve = "M202 190Q170 200 166 238L138 438Q138 452 152 452H192Q202 452 203 440L214 300Z";
    parts.push(P(sleeve, p.aD), G(MIRROR, P(sleeve, p.aD)));
    parts.push(P("M262 168L202 190L214 300L208 458Q208 470 220 470H420Q432 470 432 458L426 300L438 190L378 168Z", p.a));
    if (puffer) {
      for (let y = 228; y < 460; y += 42) parts.push(S(`M212 ${y}Q320 ${y + 12} 428 ${y}`, p.aD, 4));
      for (let y = 250; y < 440; y += 44) parts.push(S(`M${160 - (y - 250) * 0.1} ${y}L198 ${y + 4}`, INK, 3, op(0.3)), S(`M${480 + (y - 250) * 0.1} ${y}L442 ${y + 4}`, INK, 3, op(0.3)));
      parts.push(R(270, 144, 100, 38, 14, p.aD));
    } else if (track) {
      parts.push(S("M188 204L154 440", "#fff", 6), S("M200 206L168 442", "#fff", 6));
      parts.push(S("M452 204L486 440", "#fff", 6), S("M440 206L472 442", "#fff", 6));
      parts.push(R(272, 150, 96, 30, 10, p.aD));
    } else if (!hooded) {
      parts.push(P("M262 168Q320 204 378 168L372 156Q320 186 268 156Z", p.aD));
    }
    if (hoodie) {
      parts.push(P("M248 372H392L406 444H234Z", p.aD, op(0.55)));
      parts.push(S("M298 188V250", WHITE, 4), S("M342 188V250", WHITE, 4));
    } else {
      parts.push(S("M244 376L264 418", p.aD, 6), S("M396 376L376 418", p.aD, 6));
    }
    parts.push(S("M320 184V466", INK, 4, op(0.55)), R(314, 184, 12, 20, 3, SILVER));
    parts.push(R(224, 214, 12, 200, 6, "#fff", op(0.12)));
    return parts.join("");
  },
};

const jeans: Glyph = {
  shadow: 130,
  draw: ({ p, v }) => {
    const denim = hex(214, 42, 34 + (v % 3) * 5);
    const denimD = hex(214, 44, 26 + (v % 3) * 5);
    const stitch = ` stroke-dasharray="7 6"`;
    return [
      P("M226 176H414L432 460Q432 470 422 470H338Q330 470 330 460L320 262L310 460Q310 470 302 470H218Q208 470 208 460Z", denim),
      R(226, 150, 188, 32, 6, denimD),
      ...[236, 282, 352, 398].map((x) => R(x, 144, 8, 42, 3, denimD)),
      S("M234 186Q262 226 292 186", GOLD, 3, stitch),
      S("M406 186Q378 226 348 186", GOLD, 3, stitch),
      S("M320 186V238Q320 254 304 254", GOLD, 3, stitch),
      S("M214 448H310M330 448H426", GOLD, 3, stitch),
      C(320, 166, 7, GOLD),
      R(232, 196, 18, 240, 9, "#fff", op(0.1)),
      R(390, 196, 18, 240, 9, "#fff", op(0.1)),
      R(232, 182, 8, 8, 2, p.aL),
    ].join("");
  },
};

const sunglasses: Glyph = {
  shadow: 190,
  draw: ({ v }) => {
    const frame = v % 2 ? INK : "#6e4024";
    const lens = [
      P("M146 352H298Q308 352 306 364L298 420Q294 446 266 446H198Q168 446 160 420L144 366Q142 352 146 352Z", frame),
      P("M160 366H290L284 416Q281 434 262 434H202Q180 434 174 416Z", "#1b1f27"),
      P("M160 366H290L284 416Q281 434 262 434H202Q180 434 174 416Z", "url(#ag)", op(0.5)),
      P("M184 374H214L190 424H178Z", "#fff", op(0.2)),
      C(156, 364, 4, SILVER),
    ].join("");
    return G("translate(0 24)", [S("M300 372Q320 356 340 372", frame, 14), lens, G(MIRROR, lens)].join(""));
  },
};

const coffee: Glyph = {
  shadow: 140,
  draw: ({ p, v, product }) => {
    if (/\bespresso\b/i.test(product.name)) {
      const body = v % 2 ? INK : SILVER;
      return [
        R(336, 136, 94, 20, 8, GRAPHITE),
        R(190, 148, 260, 300, 24, body),
        R(214, 170, 212, 72, 14, GRAPHITE),
        R(236, 186, 70, 40, 6, "url(#ag)"),
        ...[330, 362, 394].map((x) => C(x, 206, 10, p.aL)),
        R(248, 268, 144, 172, 16, "#14171c"),
        R(290, 268, 60, 34, 8, SILVER_L),
        R(306, 302, 8, 14, 3, STEEL),
        R(326, 302, 8, 14, 3, STEEL),
        R(292, 356, 56, 82, 10, "#f3e7d4"),
        R(292, 396, 56, 42, 10, "#9c6238"),
        R(292, 392, 56, 12, 0, "#c08a5a"),
        R(296, 360, 8, 72, 4, "#fff", op(0.5)),
        R(178, 438, 284, 32, 10, SILVER),
        R(190, 450, 260, 4, 2, STEEL, op(0.6)),
        R(204, 170, 10, 260, 5, "#fff", op(0.1)),
      ].join("");
    }
    return [
      R(214, 172, 212, 272, 38, p.a),
      E(320, 198, 106, 30, p.aD),
      E(320, 192, 96, 22, p.a),
      C(320, 192, 10, p.aXL),
      R(228, 236, 12, 190, 6, "#fff", op(0.18)),
      R(246, 300, 148, 146, 22, INK, op(0.88)),
      R(298, 300, 44, 22, 6, SILVER),
      P("M282 378H358L352 432Q350 440 342 440H298Q290 440 288 432Z", WHITE),
      S("M356 390Q380 390 378 408Q376 424 354 422", WHITE, 8),
      R(200, 438, 240, 32, 12, GRAPHITE),
      R(214, 450, 212, 4, 2, STEEL),
    ].join("");
  },
};

const airFryer: Glyph = {
  shadow: 140,
  draw: ({ p, v }) => {
    const body = v % 2 ? INK : WHITE;
    const panel = v % 2 ? GRAPHITE : SILVER_L;
    return [
      R(206, 178, 228, 292, 64, body, body === WHITE ? outline : ""),
      R(236, 198, 168, 84, 30, panel),
      C(320, 240, 32, "none", ` stroke="${p.aL}" stroke-width="4"`),
      C(320, 240, 22, p.a),
      C(320, 226, 4, "#fff"),
      C(262, 240, 5, p.aL),
      C(378, 240, 5, p.aL),
      R(222, 300, 196, 156, 40, panel),
      R(278, 346, 84, 30, 15, p.a),
      R(238, 318, 164, 6, 3, "#000", op(0.08)),
      R(220, 200, 12, 220, 6, "#fff", op(0.12)),
    ].join("");
  },
};

const blender: Glyph = {
  shadow: 130,
  draw: ({ p, v }) => {
    const base = v % 2 ? INK : SILVER;
    return [
      S("M410 192H448Q462 192 462 206V326Q462 340 448 340H404", INK, 18),
      P("M236 398L218 170H422L404 398Z", "#e9f2f6", ` opacity=".7" stroke="#c3ced6" stroke-width="3"`),
      P("M240 398L228 268Q276 252 320 268Q366 284 412 268L400 398Z", p.a, op(0.88)),
      P("M240 398L234 330Q290 318 340 334Q380 344 406 332L400 398Z", p.aD, op(0.5)),
      ...[204, 232, 260].map((y) => R(236, y, 20, 4, 2, "#98a6b1")),
      S("M254 190L264 384", "#fff", 8, op(0.55)),
      R(296, 132, 48, 24, 6, GRAPHITE),
      R(212, 150, 216, 28, 10, INK),
      P("M226 392H414L432 460Q434 470 424 470H216Q206 470 208 460Z", base),
      C(320, 432, 18, base === INK ? SILVER : INK),
      C(320, 432, 6, p.a),
      R(372, 426, 26, 12, 6, p.a),
    ].join("");
  },
};

const pot: Glyph = {
  shadow: 170,
  draw: ({ p }) =>
    [
      R(150, 318, 52, 24, 12, p.aD),
      R(438, 318, 52, 24, 12, p.aD),
      P("M180 300H460V406Q460 470 396 470H244Q180 470 180 406Z", "url(#ad)"),
      R(196, 320, 14, 100, 7, "#fff", op(0.2)),
      P("M172 304Q176 262 320 256Q464 262 468 304Z", p.aD),
      R(168, 296, 304, 16, 8, p.a),
      R(292, 236, 56, 26, 10, SILVER),
      R(310, 256, 20, 8, 0, STEEL),
      S("M206 286Q320 266 434 286", "#fff", 4, op(0.2)),
    ].join(""),
};

const pressureCooker: Glyph = {
  shadow: 160,
  draw: ({ p }) =>
    [
      R(166, 300, 32, 40, 8, INK),
      R(442, 300, 32, 40, 8, INK),
      P("M190 282H450V438Q450 470 418 470H222Q190 470 190 438Z", SILVER),
      R(204, 300, 14, 140, 7, "#fff", op(0.35)),
      R(420, 300, 14, 140, 7, "#000", op(0.06)),
      R(248, 326, 144, 106, 16, INK),
      R(286, 342, 68, 26, 4, p.aL),
      ...[270, 302, 338, 370].map((x) => C(x, 402, 7, p.a)),
      P("M180 290Q186 226 320 222Q454 226 460 290Z", INK),
      R(270, 210, 100, 18, 9, GRAPHITE),
      R(362, 222, 26, 20, 6, GRAPHITE),
      R(178, 282, 284, 14, 7, GRAPHITE),
    ].join(""),
};

const skillet: Glyph = {
  shadow: 220,
  draw: ({ p }) =>
    [
      P("M452 372L584 338Q600 336 602 350Q604 364 590 368L460 408Z", INK),
      P("M518 356L584 338Q600 336 602 350Q604 364 590 368L524 388Z", p.a),
      E(578, 351, 6, 4, p.aD),
      E(290, 404, 176, 66, "#1a1d22"),
      E(290, 392, 176, 66, INK),
      E(290, 396, 152, 54, "#30353d"),
      S("M150 370Q200 334 290 328", "#fff", 4, op(0.15)),
      P("M212 390Q202 360 240 356Q262 340 292 358Q322 360 316 390Q318 420 280 420Q236 428 212 390Z", "#fbf8f1"),
      C(262, 384, 20, "#f2b233"),
      C(256, 378, 5, "#fff", op(0.6)),
    ].join(""),
};

const mixer: Glyph = {
  shadow: 180,
  draw: ({ p }) =>
    [
      P("M160 440H460Q476 440 476 456V462Q476 470 468 470H152Q144 470 144 462V456Q144 440 160 440Z", p.a),
      P("M376 440V290Q376 262 404 262H426Q450 262 450 290V440Z", p.aD),
      R(390, 280, 10, 150, 5, "#fff", op(0.15)),
      R(290, 262, 10, 56, 0, SILVER),
      P("M206 330H370L358 420Q354 444 330 444H246Q222 444 218 420Z", SILVER),
      R(226, 344, 12, 80, 6, "#fff", op(0.5)),
      R(198, 322, 180, 14, 7, SILVER_L),
      S("M370 350Q392 352 388 372Q384 390 362 388", STEEL, 8),
      P("M190 198Q190 168 222 166H420Q462 166 468 210Q472 252 440 266H222Q190 266 190 236Z", p.a),
      R(214, 226, 240, 10, 0, SILVER),
      R(176, 196, 20, 44, 7, SILVER),
      R(206, 178, 200, 10, 5, "#fff", op(0.2)),
      R(420, 272, 34, 8, 4, SILVER),
    ].join(""),
};

const knife: Glyph = {
  shadow: 230,
  draw: ({ p }) =>
    G(
      "rotate(-8 320 410)",
      [
        P("M424 352L150 372Q112 378 92 402Q150 422 250 426L424 430Z", SILVER_L),
        P("M92 402Q150 422 250 426L424 430V414L250 410Q160 406 104 398Z", "#fff", op(0.8)),
        P("M424 352L150 372Q112 378 92 402L104 398Q124 384 152 380L424 362Z", SILVER),
        R(418, 346, 18, 90, 5, SILVER),
        P("M434 352H556Q584 352 586 380Q588 408 566 420L546 430H434Z", p.a),
        R(446, 362, 110, 8, 4, "#fff", op(0.2)),
        ...[466, 506, 546].map((x) => C(x, 392, 5, p.aD)),
      ].join(""),
    ),
};

const book: Glyph = {
  shadow: 140,
  draw: ({ p, product }) => {
    const k = product.kind;
    type Look = { cover: string; band: string; ink: string };
    const look: Look = k.includes("sci-fi")
      ? { cover: "#1f2640", band: p.a, ink: "#fff" }
      : k.includes("fantasy")
        ? { cover: p.aD, band: GOLD, ink: "#fff" }
        : k.includes("thriller")
          ? { cover: "#17191d", band: p.a, ink: "#fff" }
          : k.includes("cook")
            ? { cover: "#f4ece0", band: p.a, ink: INK }
            : k.includes("business")
              ? { cover: WHITE, band: p.a, ink: INK }
              : { cover: p.a, band: WHITE, ink: "#fff" };
    const ex = 325;
    let emblem: string;
    if (k.includes("sci-fi")) {
      emblem = [
        C(ex, 236, 36, p.aL),
        P(`M${ex - 36} 236a36 36 0 0 0 72 0Z`, p.a, op(0.6)),
        E(ex, 236, 64, 14, "none", ` stroke="#fff" stroke-width="4" transform="rotate(-14 ${ex} 236)"`),
        C(258, 184, 3, "#fff"),
        C(396, 200, 2.5, "#fff"),
        C(382, 282, 2, "#fff"),
      ].join("");
    } else if (k.includes("fantasy")) {
      emblem = [
        C(370, 200, 18, GOLD_L),
        C(378, 194, 16, look.cover),
        P(`M250 290L300 210L332 258L352 232L400 290Z`, "#fff", op(0.85)),
        P(`M300 210L314 232L300 240L290 226Z`, look.cover, op(0.5)),
      ].join("");
    } else if (k.includes("thriller")) {
      emblem = [C(ex, 222, 22, p.a), P(`M${ex - 12} 236H${ex + 12}L${ex + 20} 288H${ex - 20}Z`, p.a), S("M240 186L410 186", "#fff", 2, op(0.25))].join("");
    } else if (k.includes("cook")) {
      emblem = [
        P(`M270 244H380Q378 292 325 292Q272 292 270 244Z`, p.a),
        S(`M300 228Q292 214 302 202Q312 190 304 178M325 228Q317 214 327 202Q337 190 329 178M350 228Q342 214 352 202Q362 190 354 178`, p.aD, 4),
      ].join("");
    } else if (k.includes("business")) {
      emblem = [R(270, 250, 22, 40, 3, p.aL), R(304, 226, 22, 64, 3, p.a), R(338, 196, 22, 94, 3, p.aD), S("M262 232L300 206L330 214L376 180", INK, 5)].join("");
    } else {
      emblem = [R(262, 266, 126, 24, 3, "#fff", op(0.9)), R(286, 242, 102, 24, 3, "#fff", op(0.7)), R(310, 218, 78, 24, 3, "#fff", op(0.5)), C(290, 200, 16, "#fff", op(0.9))].join("");
    }
    return [
      R(222, 144, 232, 326, 6, look.cover),
      R(222, 144, 232, 326, 6, "#000", op(0.22)),
      P("M438 150H452Q456 150 456 154V456Q456 462 450 462H438Z", "#f0eadc"),
      S("M442 170V442", "#d9d1bf", 2),
      R(212, 138, 226, 326, 6, look.cover, look.cover === WHITE || look.cover === "#f4ece0" ? outline : ""),
      R(212, 138, 22, 326, 6, "#000", op(0.16)),
      emblem,
      R(234, 314, 204, 66, 0, look.band),
      R(258, 332, 136, 11, 5.5, look.band === WHITE || look.band === GOLD ? INK : "#fff", op(0.9)),
      R(258, 352, 92, 8, 4, look.band === WHITE || look.band === GOLD ? INK : "#fff", op(0.6)),
      R(258, 414, 96, 8, 4, look.ink, op(0.7)),
      R(258, 432, 60, 6, 3, look.ink, op(0.45)),
    ].join("");
  },
};

const dumbbell: Glyph = {
  shadow: 190,
  draw: ({ p }) => {
    const end = [R(208, 296, 46, 132, 14, INK), R(236, 300, 6, 124, 3, p.aL, op(0.6)), R(172, 318, 42, 96, 14, GRAPHITE), R(150, 340, 26, 52, 9, p.a)].join("");
    return [
      P("M150 420H490L474 470H166Z", GRAPHITE),
      R(146, 414, 348, 14, 7, INK),
      R(250, 350, 140, 26, 13, SILVER),
      ...[270, 290, 310, 330, 350].map((x) => R(x, 352, 4, 22, 2, STEEL, op(0.5))),
      end,
      G(MIRROR, end),
    ].join("");
  },
};

const kettlebell: Glyph = {
  shadow: 120,
  draw: ({ p, v }) => {
    const body = v % 2 ? p.a : INK;
    return [
      S("M244 316V258Q244 196 320 196Q396 196 396 258V316", body, 34),
      P("M320 250C400 250 436 310 432 370C430 420 410 452 392 470H248C230 452 210 420 208 370C204 310 240 250 320 250Z", body),
      E(266, 330, 14, 40, "#fff", ` opacity=".16" transform="rotate(20 266 330)"`),
      C(320, 386, 30, v % 2 ? p.aD : p.a),
      C(320, 386, 16, v % 2 ? p.aL : p.aD),
    ].join("");
  },
};

const massageGun: Glyph = {
  shadow: 140,
  draw: ({ p }) =>
    [
      P("M290 280H356L372 430H274Z", GRAPHITE),
      R(296, 300, 10, 110, 5, "#fff", op(0.12)),
      R(262, 420, 122, 50, 16, INK),
      C(323, 445, 6, p.aL),
      R(450, 224, 40, 36, 6, SILVER),
      C(514, 242, 34, p.a),
      C(504, 232, 9, "#fff", op(0.35)),
      R(168, 190, 292, 104, 52, INK),
      ...[380, 398, 416].map((x) => R(x, 214, 6, 56, 3, GRAPHITE)),
      C(222, 242, 28, GRAPHITE),
      C(222, 242, 12, p.a),
      R(190, 200, 200, 8, 4, "#fff", op(0.1)),
    ].join(""),
};

const tent: Glyph = {
  shadow: 230,
  draw: ({ p, v }) =>
    [
      S("M108 470L196 336M532 470L444 336", INK, 2, op(0.3)),
      P("M116 470C150 340 230 236 320 230C410 236 490 340 524 470Z", p.a),
      P("M320 230C410 236 490 340 524 470H392C384 360 352 270 320 230Z", p.aD, op(0.35)),
      S("M146 440C196 306 280 240 320 232M494 440C444 306 360 240 320 232", p.aL, 4),
      S("M172 388Q320 300 468 388", p.aL, 3, op(0.8)),
      P("M250 470C256 392 290 330 320 318C350 330 384 392 390 470Z", p.aD),
      v % 2 ? P("M320 318C350 330 384 392 390 470H320Z", INK, op(0.55)) : S("M320 324V466", p.aL, 2),
      R(112, 464, 416, 8, 4, p.aD),
    ].join(""),
};

const backpack: Glyph = {
  shadow: 140,
  draw: ({ p }) =>
    [
      S("M296 164Q320 140 344 164", INK, 8),
      P("M214 400L176 418Q164 426 172 438L214 446Z", GRAPHITE),
      P("M426 400L464 418Q476 426 468 438L426 446Z", GRAPHITE),
      R(214, 158, 212, 312, 66, p.a),
      P("M214 226Q214 160 320 156Q426 160 426 226Q426 252 402 252H238Q214 252 214 226Z", p.aD),
      S("M240 212Q320 196 400 212", INK, 4, op(0.3)),
      R(206, 300, 16, 12, 3, INK),
      R(418, 300, 16, 12, 3, INK),
      R(206, 370, 16, 12, 3, INK),
      R(418, 370, 16, 12, 3, INK),
      R(246, 318, 148, 132, 34, p.aD),
      S("M266 342Q320 330 374 342", INK, 4, op(0.3)),
      R(262, 244, 12, 64, 4, INK),
      R(366, 244, 12, 64, 4, INK),
      R(258, 296, 20, 18, 4, SILVER),
      R(362, 296, 20, 18, 4, SILVER),
      R(228, 262, 10, 150, 5, "#fff", op(0.15)),
    ].join(""),
};

const headlamp: Glyph = {
  shadow: 180,
  draw: ({ p }) =>
    [
      S("M150 400A170 56 0 0 1 490 400", p.aD, 22),
      S("M150 400A170 56 0 0 0 490 400", p.a, 24),
      S("M150 400A170 56 0 0 0 490 400", p.aL, 4, ` stroke-dasharray="6 14"`),
      R(248, 370, 144, 94, 26, INK),
      R(300, 360, 40, 16, 6, p.a),
      C(302, 418, 30, SILVER),
      C(302, 418, 22, "#fff6d6"),
      C(302, 418, 8, "#ffe59a"),
      C(358, 402, 10, GRAPHITE),
      C(358, 402, 5, "#ff6b6b"),
      C(358, 436, 6, GRAPHITE),
    ].join(""),
};

const bottle: Glyph = {
  shadow: 100,
  draw: ({ p }) =>
    [
      S("M300 140Q320 104 340 140", INK, 12),
      R(272, 130, 96, 60, 16, INK),
      R(262, 186, 116, 16, 6, SILVER),
      P("M262 202H378Q404 212 404 250V438Q404 470 372 470H268Q236 470 236 438V250Q236 212 262 202Z", "url(#ad)"),
      R(254, 250, 16, 190, 8, "#fff", op(0.25)),
      C(320, 330, 18, "#fff", op(0.85)),
      C(320, 330, 8, p.a),
    ].join(""),
};

const stove: Glyph = {
  shadow: 90,
  draw: ({ p }) =>
    [
      R(258, 390, 124, 80, 24, SILVER),
      R(258, 416, 124, 28, 0, p.aD),
      R(286, 372, 68, 26, 6, GRAPHITE),
      S("M394 222H424Q432 222 432 230V298Q432 306 424 306H394", INK, 10),
      R(246, 180, 148, 200, 18, SILVER),
      R(246, 228, 148, 152, 18, p.a),
      R(296, 270, 48, 30, 6, p.aL),
      R(258, 240, 10, 120, 5, "#fff", op(0.2)),
      R(240, 160, 160, 30, 12, INK),
      R(356, 150, 30, 14, 5, INK),
    ].join(""),
};

const pad: Glyph = {
  shadow: 220,
  draw: ({ p }) => {
    const lines: string[] = [];
    for (let i = 1; i < 6; i++) {
      const t = i / 6;
      lines.push(`M${num(128 + t * 84 + 10)} ${num(440 - t * 118)}H${num(470 + t * 58 - 10)}`);
    }
    const soft = (c: string) => ` stroke="${c}" stroke-width="16" stroke-linejoin="round"`;
    return [
      P("M128 440H470V458H128Z", p.aD, soft(p.aD)),
      P("M470 440L528 322V340L470 458Z", p.aD, soft(p.aD)),
      P("M128 440L212 322H528L470 440Z", p.a, soft(p.a)),
      S(lines.join(""), p.aD, 4, op(0.5)),
      S("M150 430L222 330", "#fff", 4, op(0.25)),
      R(440, 446, 20, 12, 3, INK),
    ].join("");
  },
};

const sleepingBag: Glyph = {
  shadow: 120,
  draw: ({ p }) => {
    const quilts: string[] = [];
    for (let y = 262; y < 450; y += 38) quilts.push(S(`M${236 + (y - 262) * 0.06} ${y}Q320 ${y + 16} ${404 - (y - 262) * 0.06} ${y}`, p.aD, 4));
    return [
      P("M320 120C382 120 412 160 412 204L418 300L400 440Q396 470 366 470H274Q244 470 240 440L222 300L228 204C228 160 258 120 320 120Z", p.a),
      E(320, 192, 58, 48, p.aD),
      E(320, 196, 38, 30, INK, op(0.55)),
      ...quilts,
      S("M392 232L382 444", INK, 3, op(0.35)),
      C(282, 240, 5, SILVER),
      C(358, 240, 5, SILVER),
      R(246, 252, 10, 170, 5, "#fff", op(0.15)),
    ].join("");
  },
};

const jar: Glyph = {
  shadow: 130,
  draw: ({ p, product }) => {
    const small = product.kind.includes("lip");
    const body = [
      R(214, 328, 212, 142, 26, WHITE, outline),
      R(214, 360, 212, 66, 0, p.aXL),
      R(262, 380, 116, 10, 5, p.aD),
      R(286, 400, 68, 8, 4, p.a, op(0.6)),
      R(398, 340, 16, 118, 8, "#000", op(0.05)),
      R(204, 282, 232, 58, 16, p.a),
      R(214, 276, 212, 14, 7, p.aL),
      ...[236, 270, 304, 338, 372, 406].map((x) => R(x, 298, 4, 30, 2, p.aD, op(0.4))),
    ].join("");
    return small ? G("translate(320 470) scale(.82) translate(-320 -470)", body) : body;
  },
};

const dropper: Glyph = {
  shadow: 90,
  draw: ({ p, v }) => {
    const bulb = v % 2 ? INK : WHITE;
    return [
      P("M296 214V170Q296 134 320 134Q344 134 344 170V214Z", bulb, bulb === WHITE ? outline : ""),
      R(284, 210, 72, 38, 8, INK),
      R(292, 244, 56, 26, 4, p.aD),
      P("M262 266H378Q396 266 396 288V448Q396 470 374 470H266Q244 470 244 448V288Q244 266 262 266Z", p.aD),
      R(252, 300, 136, 162, 16, p.a, op(0.6)),
      R(244, 332, 152, 96, 0, WHITE),
      R(262, 352, 80, 8, 4, INK),
      R(262, 370, 112, 6, 3, STEEL),
      R(262, 384, 96, 6, 3, STEEL),
      R(262, 404, 20, 14, 2, p.a),
      R(254, 282, 10, 40, 5, "#fff", op(0.4)),
      R(254, 436, 10, 24, 5, "#fff", op(0.4)),
    ].join("");
  },
};

const tube: Glyph = {
  shadow: 80,
  draw: ({ p }) => {
    const rays: string[] = [];
    for (let i = 0; i < 8; i++) {
      const a = (i * Math.PI) / 4;
      rays.push(`M${num(320 + Math.cos(a) * 24)} ${num(368 + Math.sin(a) * 24)}L${num(320 + Math.cos(a) * 32)} ${num(368 + Math.sin(a) * 32)}`);
    }
    return [
      R(266, 408, 108, 62, 14, p.a),
      R(276, 416, 10, 44, 5, "#fff", op(0.25)),
      P("M270 414L240 178H400L370 414Z", WHITE, outline),
      R(232, 158, 176, 26, 4, WHITE, outline),
      ...[248, 264, 280, 296, 312, 328, 344, 360, 376, 392].map((x) => R(x, 164, 3, 14, 1.5, LINE)),
      P("M250 252H390L382 316H258Z", p.a),
      R(272, 272, 96, 10, 5, "#fff"),
      R(290, 292, 60, 7, 3.5, "#fff", op(0.7)),
      C(320, 368, 16, p.aL),
      S(rays.join(""), p.aL, 4),
      P("M372 190L352 410H368L396 190Z", "#000", op(0.04)),
    ].join("");
  },
};

const lipstick: Glyph = {
  shadow: 160,
  draw: ({ v, product }) => {
    const lh = LIP_HUES[v % LIP_HUES.length] ?? [352, 70, 46];
    const lip = hex(lh[0], lh[1], lh[2]);
    const lipL = hex(lh[0], lh[1], lh[2] + 18);
    if (product.kind.includes("gloss")) {
      return [
        R(282, 250, 76, 220, 22, lip),
        R(290, 262, 14, 190, 7, "#fff", op(0.4)),
        R(282, 250, 76, 220, 22, "none", ` stroke="#fff" stroke-opacity=".5" stroke-width="4"`),
        R(340, 270, 8, 160, 4, "#000", op(0.12)),
        R(286, 128, 68, 128, 12, INK),
        R(296, 140, 8, 100, 4, "#fff", op(0.15)),
        P("M384 462Q378 440 404 436Q430 430 452 442Q472 454 456 464Q440 472 410 470Q390 470 384 462Z", lip, op(0.85)),
        E(420, 446, 14, 4, "#fff", op(0.5)),
      ].join("");
    }
    return [
      R(372, 404, 132, 66, 10, INK),
      R(372, 404, 16, 66, 0, GOLD),
      R(400, 414, 90, 8, 4, "#fff", op(0.12)),
      R(236, 330, 96, 140, 8, INK),
      R(246, 340, 10, 120, 5, "#fff", op(0.12)),
      R(236, 318, 96, 20, 4, GOLD),
      R(250, 262, 68, 60, 4, GOLD),
      R(258, 262, 8, 56, 4, GOLD_L),
      P("M256 262V196Q256 186 266 182L310 160Q314 158 314 164V262Z", lip),
      R(264, 196, 8, 62, 4, lipL, op(0.7)),
    ].join("");
  },
};

const toothbrush: Glyph = {
  shadow: 90,
  draw: ({ p }) =>
    [
      P("M248 448Q248 436 262 436H378Q392 436 392 448V462Q392 470 384 470H256Q248 470 248 462Z", SILVER_L, outline),
      P("M304 224L310 128H330L336 224Z", WHITE, outline),
      R(296, 92, 14, 44, 4, p.aL),
      R(306, 84, 28, 60, 12, WHITE, outline),
      R(284, 216, 72, 230, 32, WHITE, outline),
      R(284, 254, 72, 10, 0, p.a, op(0.85)),
      C(320, 326, 14, p.a),
      R(310, 362, 20, 8, 4, p.aL),
      R(340, 236, 8, 190, 4, "#000", op(0.05)),
    ].join(""),
};

const shaver: Glyph = {
  shadow: 80,
  draw: ({ p }) =>
    [
      R(304, 196, 32, 64, 10, GRAPHITE),
      P("M288 460Q276 380 284 300Q290 250 320 246Q350 250 356 300Q364 380 352 460Q350 470 340 470H300Q290 470 288 460Z", GRAPHITE),
      P("M296 300Q300 270 320 268Q340 270 344 300Q350 370 342 440H298Q290 370 296 300Z", p.a),
      C(320, 332, 12, p.aL),
      R(302, 296, 6, 130, 3, "#fff", op(0.2)),
      R(238, 150, 164, 56, 16, p.a),
      R(250, 142, 140, 18, 6, SILVER),
      S("M256 151H384", STEEL, 4, ` stroke-dasharray="2 4"`),
      R(246, 182, 148, 8, 4, p.aD, op(0.5)),
    ].join(""),
};

const hairDryer: Glyph = {
  shadow: 70,
  draw: ({ p }) =>
    [
      R(286, 300, 68, 170, 22, GRAPHITE),
      R(286, 300, 68, 22, 6, p.a),
      R(294, 398, 52, 56, 10, INK, op(0.5)),
      ...[408, 420, 432, 444].map((y) => S(`M302 ${y}H338`, STEEL, 3, ` stroke-dasharray="2 5"`)),
      R(296, 326, 8, 66, 4, "#fff", op(0.12)),
      R(298, 288, 44, 20, 4, SILVER),
      P("M224 210a96 96 0 1 0 192 0a96 96 0 1 0 -192 0ZM270 210a50 50 0 1 0 100 0a50 50 0 1 0 -100 0Z", p.a, ` fill-rule="evenodd"`),
      C(320, 210, 55, "none", ` stroke="${p.aD}" stroke-width="10"`),
      S("M250 162A84 84 0 0 1 320 126", "#fff", 6, op(0.3)),
    ].join(""),
};

const giftBox: Glyph = {
  shadow: 150,
  draw: ({ p }) =>
    [
      R(200, 300, 240, 170, 10, p.a),
      R(200, 300, 240, 30, 0, "#000", op(0.08)),
      R(186, 270, 268, 50, 10, p.aD),
      R(302, 270, 36, 200, 0, WHITE, op(0.92)),
      S("M320 270C280 210 236 226 250 254C262 276 300 272 320 270C340 272 378 276 390 254C404 226 360 210 320 270Z", WHITE, 12),
    ].join(""),
};

/** Exact kinds in the catalog, then keyword fallbacks, then a gift box. */
const BY_KIND: Record<string, Glyph> = {
  laptop,
  headphones,
  earbuds,
  "smart watch": watch,
  "running watch": watch,
  "e-reader": ereader,
  "action camera": camera,
  sneakers: shoe,
  "running shoes": shoe,
  "hiking shoes": shoe,
  "yoga mat": yogaMat,
  jacket,
  hoodie: jacket,
  jeans,
  sunglasses,
  "coffee machine": coffee,
  "air fryer": airFryer,
  blender,
  "dutch oven": pot,
  "pressure cooker": pressureCooker,
  skillet,
  "stand mixer": mixer,
  "chef's knife": knife,
  dumbbells: dumbbell,
  kettlebell,
  "massage gun": massageGun,
  tent,
  "hiking backpack": backpack,
  headlamp,
  "water bottle": bottle,
  "camp stove": stove,
  "sleeping pad": pad,
  "sleeping bag": sleepingBag,
  moisturizer: jar,
  "lip mask": jar,
  serum: dropper,
  sunscreen: tube,
  lipstick,
  "lip gloss": lipstick,
  "electric toothbrush": toothbrush,
  shaver,
  "hair dryer": hairDryer,
};

const KEYWORDS: readonly [string, Glyph][] = [
  ["book", book],
  ["laptop", laptop],
  ["notebook", laptop],
  ["headphone", headphones],
  ["earbud", earbuds],
  ["watch", watch],
  ["reader", ereader],
  ["camera", camera],
  ["shoe", shoe],
  ["sneaker", shoe],
  ["boot", shoe],
  ["mat", yogaMat],
  ["jacket", jacket],
  ["coat", jacket],
  ["hoodie", jacket],
  ["sweater", jacket],
  ["jeans", jeans],
  ["pants", jeans],
  ["glasses", sunglasses],
  ["coffee", coffee],
  ["espresso", coffee],
  ["fryer", airFryer],
  ["blender", blender],
  ["pot", pot],
  ["oven", pot],
  ["cooker", pressureCooker],
  ["pan", skillet],
  ["skillet", skillet],
  ["mixer", mixer],
  ["knife", knife],
  ["dumbbell", dumbbell],
  ["weight", dumbbell],
  ["kettlebell", kettlebell],
  ["massage", massageGun],
  ["tent", tent],
  ["backpack", backpack],
  ["bag", backpack],
  ["lamp", headlamp],
  ["bottle", bottle],
  ["stove", stove],
  ["pad", pad],
  ["cream", jar],
  ["moistur", jar],
  ["balm", jar],
  ["serum", dropper],
  ["oil", dropper],
  ["sunscreen", tube],
  ["lotion", tube],
  ["cleanser", tube],
  ["lip", lipstick],
  ["tooth", toothbrush],
  ["shaver", shaver],
  ["trimmer", shaver],
  ["dryer", hairDryer],
];

/** Size tweaks so small objects fill the frame like the big ones (scaled about the floor point). */
const SCALE = new Map<Glyph, number>([
  [camera, 1.3],
  [earbuds, 1.2],
  [sunglasses, 1.2],
  [jar, 1.25],
  [kettlebell, 1.25],
  [airFryer, 1.15],
  [headphones, 1.15],
  [yogaMat, 1.12],
  [dumbbell, 1.12],
  [watch, 1.12],
  [massageGun, 1.1],
  [coffee, 1.12],
  [pot, 1.15],
  [pressureCooker, 1.12],
  [headlamp, 1.15],
  [lipstick, 1.15],
  [stove, 1.2],
  [bottle, 1.15],
  [tube, 1.15],
  [dropper, 1.15],
  [toothbrush, 1.05],
  [shaver, 1.2],
  [hairDryer, 1.2],
  [mixer, 1.12],
  [blender, 1.08],
  [book, 1.08],
  [backpack, 1.1],
  [sleepingBag, 1.1],
  [jeans, 1.05],
  [knife, 1.05],
  [giftBox, 1.2],
]);

/** How far short, wide objects are raised so they sit near the middle of the frame. */
const LIFT = new Map<Glyph, number>([
  [shoe, 40],
  [sunglasses, 80],
  [skillet, 40],
  [pad, 30],
  [yogaMat, 30],
  [knife, 60],
  [headlamp, 30],
  [dumbbell, 20],
  [earbuds, 20],
  [camera, 20],
  [jar, 20],
  [laptop, 10],
]);

function glyphFor(kind: string): Glyph {
  const exact = BY_KIND[kind];
  if (exact) return exact;
  const k = kind.toLowerCase();
  for (const [word, glyph] of KEYWORDS) if (k.includes(word)) return glyph;
  return giftBox;
}

// ---------------------------------------------------------------- composition

/** Accent per product: from a hash of its id; products drawn with the same glyph get hues far from each other. */
function assignAccents(products: readonly Product[]): Map<string, number> {
  const used = new Map<Glyph, number[]>();
  const out = new Map<string, number>();
  const hueGap = (a: number, b: number) => {
    const d = Math.abs((ACCENTS[a]?.[0] ?? 0) - (ACCENTS[b]?.[0] ?? 0)) % 360;
    return Math.min(d, 360 - d);
  };
  for (const product of products) {
    const glyph = glyphFor(product.kind);
    const taken = used.get(glyph) ?? [];
    used.set(glyph, taken);
    const start = hash(`accent:${product.id}`) % ACCENTS.length;
    let best = start;
    let bestGap = -1;
    for (let step = 0; step < ACCENTS.length && taken.length > 0; step++) {
      const index = (start + step) % ACCENTS.length;
      if (taken.includes(index)) continue;
      const gap = Math.min(...taken.map((t) => hueGap(index, t)));
      if (gap > bestGap) [best, bestGap] = [index, gap];
    }
    if (taken.length >= ACCENTS.length) best = start;
    taken.push(best);
    out.set(product.id, best);
  }
  return out;
}

/** Where every product stands (y of its lowest point). */
const FLOOR = 484;

function drawProduct(product: Product, accentIndex: number): string {
  const hue = CATEGORY_HUE[product.category] ?? hash(product.category) % 360;
  const [h, s, l] = ACCENTS[accentIndex] ?? [220, 62, 52];
  const p = pal(h, s, l);
  const v = hash(`variant:${product.id}`) >>> 4;
  const glyph = glyphFor(product.kind);
  const scale = SCALE.get(glyph) ?? 1;
  const floor = FLOOR - (LIFT.get(glyph) ?? 0);
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="640" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="${hex(hue, 46, 96)}"/><stop offset="1" stop-color="${hex(hue, 34, 86)}"/></linearGradient>`,
    `<radialGradient id="sp" cx="320" cy="300" r="260" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff" stop-opacity=".6"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="ag" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.aL}"/><stop offset="1" stop-color="${p.a}"/></linearGradient>`,
    `<linearGradient id="ad" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.a}"/><stop offset="1" stop-color="${p.aD}"/></linearGradient>`,
    `<filter id="blur" x="-20%" y="-200%" width="140%" height="500%"><feGaussianBlur stdDeviation="9"/></filter>`,
  ].join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 640" width="640" height="640">`,
    `<defs>${defs}</defs>`,
    `<rect width="640" height="640" fill="url(#bg)"/>`,
    `<rect width="640" height="640" fill="url(#sp)"/>`,
    E(320, floor + 6, glyph.shadow * scale, 16, hex(hue, 30, 24), ` opacity=".28" filter="url(#blur)"`),
    G(`translate(320 ${floor}) scale(${scale}) translate(-320 -470)`, glyph.draw({ p, v, product })),
    `</svg>\n`,
  ].join("");
}

const outDir = fileURLToPath(new URL("public/products/", root));
mkdirSync(outDir, { recursive: true });
const accents = assignAccents(PRODUCTS);
let largest = 0;
for (const product of PRODUCTS) {
  const svg = drawProduct(product, accents.get(product.id) ?? 0);
  largest = Math.max(largest, Buffer.byteLength(svg));
  writeFileSync(`${outDir}${product.id}.svg`, svg);
}
console.log(`wrote ${PRODUCTS.length} images to public/products (largest ${largest} bytes)`);
