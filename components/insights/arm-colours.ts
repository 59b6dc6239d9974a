/**
 * Each arm's look in the insights charts: Okabe–Ito colours (told apart with the common colour-blindnesses, each
 * at least 3:1 against the white page) and a dash of its own, so the lines differ without colour too.
 */
export interface ArmStyle {
  colour: string;
  /** An SVG stroke-dasharray; undefined is a solid line. */
  dash: string | undefined;
}

const KNOWN: Record<string, ArmStyle> = {
  model: { colour: "#0072B2", dash: undefined },
  embedded: { colour: "#D55E00", dash: "7 4" },
  popular: { colour: "#009E73", dash: "2 3" },
};

// Any other arm (a future one, a renamed one) still gets a distinct, readable look.
const SPARE: readonly ArmStyle[] = [
  { colour: "#AA4499", dash: "10 3 2 3" },
  { colour: "#52525B", dash: "4 2" },
];

export function armStyle(arm: string, index: number): ArmStyle {
  return KNOWN[arm] ?? SPARE[index % SPARE.length] ?? { colour: "#52525B", dash: undefined };
}
