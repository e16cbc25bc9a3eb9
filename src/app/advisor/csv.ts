// A table as a CSV file the way Norwegian Excel opens it by double-click: UTF-8 with a byte order
// mark (without it Excel reads æøå as Windows-1252), semicolons between fields (the decimal
// separator is the comma), CRLF line ends. Written by papaparse, loaded only when the file is
// asked for. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed
// with ' by papaparse's escapeFormulae: a learner chooses their own name. The garden's table
// (csvText) and the insight page's aggregates (src/app/insight) are both written by csvTable.
import type { LearnerRow } from './garden-table';

/** The column headings and yes/no words, in the interface language. */
export interface CsvLabels {
  name: string;
  firm: string;
  orgNumber: string;
  started: string;
  completed: string;
  minutes: string;
  lastActivity: string;
  lastSync: string;
  followUp: string;
  yes: string;
  no: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as "2026-12-02 14:02" in the device's time zone (Excel reads it as a date). */
export function csvTime(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A cell: text or a number. */
export type CsvCell = string | number;

/** The text of a table with the heading row `fields` (without the byte order mark). */
export async function csvTable(
  fields: readonly string[],
  data: readonly (readonly CsvCell[])[],
): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return Papa.unparse(
    { fields: [...fields], data: data.map((row) => [...row]) },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true },
  );
}

/** The file of a CSV text: the text after a UTF-8 byte order mark. */
export const csvFile = (text: string): Blob =>
  new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });

/** The garden table's text (without the byte order mark). */
export function csvText(rows: readonly LearnerRow[], labels: CsvLabels): Promise<string> {
  const fields = [
    labels.name,
    labels.firm,
    labels.orgNumber,
    labels.started,
    labels.completed,
    labels.minutes,
    labels.lastActivity,
    labels.lastSync,
    labels.followUp,
  ];
  const data = rows.map(({ learner, started, completed, minutes }) => [
    learner.displayName,
    learner.firm?.name ?? '',
    learner.firm?.orgNumber ?? '',
    started,
    completed,
    minutes,
    csvTime(learner.lastActivityAt),
    csvTime(learner.lastSyncAt),
    learner.needsFollowUp ? labels.yes : labels.no,
  ]);
  return csvTable(fields, data);
}

/** The garden table's file. */
export async function csvBlob(rows: readonly LearnerRow[], labels: CsvLabels): Promise<Blob> {
  return csvFile(await csvText(rows, labels));
}

/** A file name from a name (a garden's): "lommekurs-nordhagen-2026-12-02.csv". */
export function csvFileName(gardenName: string, now: number): string {
  const slug =
    gardenName
      .normalize('NFKD')
      .replace(/æ/gi, 'ae')
      .replace(/ø/gi, 'o')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'hage';
  return `lommekurs-${slug}-${csvTime(now).slice(0, 10)}.csv`;
}
