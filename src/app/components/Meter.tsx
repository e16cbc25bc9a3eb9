// The bar shared by every progress display: role=progressbar with its value and maximum, and the
// same text shown beside it and used as the value text, so the bar's colour is never the only cue.

interface Props {
  /** Accessible name, e.g. "Kursfremdrift". */
  label: string;
  value: number;
  max: number;
  /** "40 % fullført", "0,4 av 1,2 MB". */
  text: string;
  class?: string;
}

export function Meter({ label, value, max, text, class: extraClass }: Props) {
  const top = Math.max(1, Math.round(max));
  const now = Math.max(0, Math.min(top, Math.round(value)));
  return (
    <div class={extraClass ? `progress ${extraClass}` : 'progress'}>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={top}
        aria-valuenow={now}
        aria-valuetext={text}
      >
        {/* Width through the CSSOM (allowed by the CSP), not a style attribute in markup. */}
        <div class="progress-fill" style={{ width: `${(now / top) * 100}%` }} />
      </div>
      <span class="progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
