// A horizontal bar chart in inline SVG for the insight page: per row (a lesson) a label and one
// bar per series, each with its number at its end. A number the server held back (null: fewer
// than 5 learners) is no bar: a short hatched stub with the words instead. The chart is one image
// to assistive technology (role="img" with a summary); the table beside it carries the numbers.
// Why not a charting library: Chart.js 4.6 with only its bar controller is 47 KB gzip, uPlot 1.6
// 23 KB, frappe-charts 1.6 19 KB — each more than this whole page — for two bar charts that are
// a few dozen lines of SVG here (and canvas charts draw nothing in jsdom, where the page is
// tested).
import { useId } from 'preact/hooks';

/** One series: its name in the legend and the CSS class that colours its bars. */
export interface ChartSeries {
  name: string;
  className: string;
}

export interface ChartRow {
  label: string;
  /** One value per series; null: held back. */
  values: readonly (number | null)[];
}

interface Props {
  /** What the chart shows, for assistive technology. */
  summary: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** The words for a held-back number ("færre enn 5"). */
  fewer: string;
}

const WIDTH = 320;
const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 12;
const BAR_GAP = 3;
const ROW_GAP = 12;
/** Room after the longest bar for its number or the words for a held-back one. */
const VALUE_ROOM = 72;
const STUB = 14;
const MAX_LABEL = 48;

const shortened = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

export function BarChart({ summary, series, rows, fewer }: Props) {
  const hatch = `hatch-${useId()}`;
  const max = Math.max(1, ...rows.flatMap((row) => row.values.map((v) => v ?? 0)));
  const scale = (WIDTH - VALUE_ROOM) / max;
  const rowHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const height = rows.length * rowHeight;
  return (
    <figure class="bar-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse">
            <path d="M0 4 L4 0" class="bar-hatch" />
          </pattern>
        </defs>
        {rows.map((row, r) => {
          const top = r * rowHeight;
          return (
            <g key={r}>
              <text x="0" y={top + LABEL_HEIGHT - 4} class="bar-label">
                {shortened(row.label)}
              </text>
              {row.values.map((value, s) => {
                const y = top + LABEL_HEIGHT + s * (BAR_HEIGHT + BAR_GAP);
                const width = value === null ? STUB : Math.max(value * scale, value > 0 ? 1 : 0);
                return (
                  <g key={s}>
                    <rect
                      x="0"
                      y={y}
                      width={width}
                      height={BAR_HEIGHT}
                      class={value === null ? 'bar-held-back' : series[s]!.className}
                      fill={value === null ? `url(#${hatch})` : undefined}
                    />
                    <text x={width + 4} y={y + BAR_HEIGHT - 2} class="bar-value">
                      {value ?? fewer}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <ul class="bar-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span class={`bar-swatch ${s.className}`} />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
