// A translated sentence with a calendar date in it, the date marked up as <time>: "Sist
// kontrollert <time datetime="2026-11-27">27. november 2026</time>".
import { useI18n } from '../state/context';

const MARKER = '{date}';
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of an ISO calendar date, or null when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: such a date was never valid.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : null;
}

interface Props {
  /** The sentence, given the text to put where the date goes. */
  sentence: (date: string) => string;
  /** ISO date `YYYY-MM-DD`; the sentence is not shown when it is not a real date. */
  date: string | undefined;
}

export function DatedText({ sentence, date }: Props) {
  const i18n = useI18n();
  const day = parseIsoDay(date);
  if (day === null) return null;
  const [before = '', after = ''] = sentence(MARKER).split(MARKER);
  return (
    <>
      {before}
      <time dateTime={date}>{i18n.calendarDate(day)}</time>
      {after}
    </>
  );
}
