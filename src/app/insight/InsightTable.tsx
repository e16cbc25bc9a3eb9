// A table of the insight page: counts by row (a lesson, a topic) and column, named by its caption
// and in a scroll region of its own (it scrolls sideways on a narrow phone, by keyboard too); a
// count the server held back reads "færre enn 5".
import type { GroupCount } from '../../shared/insight-protocol';
import { useTexts } from '../i18n/feature-texts';
import { insightTexts } from './insight-texts';

/** One row: its heading and a count per column. */
export interface TableRow {
  key: string;
  label: string;
  values: readonly GroupCount[];
}

interface Props {
  id: string;
  caption: string;
  /** The rows' heading column's, then one per count. */
  headings: readonly string[];
  rows: readonly TableRow[];
}

export function InsightTable({ id, caption, headings, rows }: Props) {
  const t = useTexts(insightTexts);
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="insight-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, values }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {values.map((value, i) => (
                <td key={i} class={value === null ? 'held-back' : undefined}>
                  {value ?? t('insight.fewer')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
