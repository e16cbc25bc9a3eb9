// What a benchmark figure is, and how the suite reports one: a measured value next to its limit
// (a physical bound computed from what was measured) or a baseline (an alternative measured in the
// same run), as a ratio, with the target the issue sets. These machines are shared and noisy, so
// ratios to something measured in the same run are what is compared, never absolute times — and
// nothing here fails: a missed target is reported, not thrown.

/** One row of the benchmark table. */
export interface Figure {
  /** Short name, e.g. "critical JS (gzip)". */
  figure: string;
  value: number;
  unit: string;
  /** What the value is compared with: a computed limit or a measured baseline. */
  reference: { kind: 'limit' | 'baseline' | 'budget'; label: string; value: number } | null;
  /** value ÷ reference (or reference ÷ value where `higherIsBetter`), rounded for printing. */
  ratio: number | null;
  /** The target, in words, e.g. "≤ 1.3× limit". */
  target: string;
  /** Whether the target is met; null when the figure has no target. */
  met: boolean | null;
  /** How it was measured: N, emulation, anything a reader needs to trust the number. */
  method: string;
}

type Reference = NonNullable<Figure['reference']>;

/** A row whose ratio (null when it cannot be computed) decides whether the target is met. */
function byRatio(
  figure: string,
  value: number,
  unit: string,
  reference: Reference,
  ratio: number | null,
  target: string,
  meets: (ratio: number) => boolean,
  method: string,
): Figure {
  return {
    figure,
    value,
    unit,
    reference,
    ratio,
    target,
    met: ratio === null ? null : meets(ratio),
    method,
  };
}

/** A figure compared by ratio = value ÷ reference, met when ratio ≤ maxRatio. */
export const atMost = (
  figure: string,
  value: number,
  unit: string,
  reference: Reference,
  maxRatio: number,
  method: string,
): Figure =>
  byRatio(
    figure,
    value,
    unit,
    reference,
    reference.value > 0 ? value / reference.value : null,
    `≤ ${maxRatio}× ${reference.kind}`,
    (ratio) => ratio <= maxRatio,
    method,
  );

/** A figure that should reach at least `minShare` of a baseline (e.g. "0.25× the raw insert
 * rate"): ratio = value ÷ baseline. */
export const atLeastShareOf = (
  figure: string,
  value: number,
  unit: string,
  baseline: Reference,
  minShare: number,
  method: string,
): Figure =>
  byRatio(
    figure,
    value,
    unit,
    baseline,
    baseline.value > 0 ? value / baseline.value : null,
    `≥ ${minShare}× ${baseline.kind}`,
    (ratio) => ratio >= minShare,
    method,
  );

/** A figure that should be at least `minRatio` times better than a baseline (e.g. "50× faster"):
 * ratio = baseline ÷ value. */
export const atLeastTimesBetter = (
  figure: string,
  value: number,
  unit: string,
  baseline: Reference,
  minRatio: number,
  method: string,
): Figure =>
  byRatio(
    figure,
    value,
    unit,
    baseline,
    value > 0 ? baseline.value / value : null,
    `≥ ${minRatio}× better than ${baseline.kind}`,
    (ratio) => ratio >= minRatio,
    method,
  );

/** A figure with an absolute target (a score, a count, a byte budget). */
export function absolute(
  figure: string,
  value: number,
  unit: string,
  target: string,
  met: boolean | null,
  method: string,
): Figure {
  return { figure, value, unit, reference: null, ratio: null, target, met, method };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const fmt = (n: number | null, digits = 2): string =>
  n === null
    ? '—'
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(digits);

/** The table the suite prints: figure, value, limit or baseline, ratio, target, met. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    `${fmt(f.value)} ${f.unit}`,
    f.reference ? `${f.reference.label}: ${fmt(f.reference.value)} ${f.unit}` : '',
    f.ratio === null ? '' : `${fmt(f.ratio)}×`,
    f.target,
    f.met === null ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'limit / baseline', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
