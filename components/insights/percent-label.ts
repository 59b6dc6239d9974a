/**
 * A fraction as a percent with as many decimals as the tick step needs (0.25 → "25%", with a 0.5% step
 * 0.025 → "2.5%"); signed for lifts ("+4%", "−2%", with a real minus sign).
 */
export function percentLabel(fraction: number, step: number, signed = false): string {
  const stepPercent = Math.abs(step * 100);
  const decimals = stepPercent > 0 && stepPercent < 1 ? Math.min(4, Math.ceil(-Math.log10(stepPercent))) : 0;
  const percent = Number((fraction * 100).toFixed(decimals));
  const magnitude = Math.abs(percent).toFixed(decimals);
  if (percent === 0) return `${magnitude}%`;
  if (percent < 0) return `−${magnitude}%`;
  return `${signed ? "+" : ""}${magnitude}%`;
}
