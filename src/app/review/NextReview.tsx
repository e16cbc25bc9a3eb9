// "Neste repetisjon: fredag 5. desember": when the next review question comes due, as a day in
// Norway (questions are due from the start of their day there), in the interface language; the
// year only when it is not this year's.
import { osloDate } from '../../shared/oslo-date';
import { useTexts } from '../i18n/feature-texts';
import { useI18n } from '../state/context';
import { reviewTexts } from './review-texts';

/** The day a review is due, e.g. "fredag 5. desember" (nb), "Friday 5 December" (en). */
export function reviewDay(locale: string, at: number, now: number): string {
  const sameYear = osloDate(at).slice(0, 4) === osloDate(now).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'Europe/Oslo',
  }).format(at);
}

interface Props {
  /** When the next question comes due (ms). */
  at: number;
  now: number;
  class?: string;
}

/** One line saying when the next review is. */
export function NextReview({ at, now, class: className }: Props) {
  const { locale } = useI18n();
  const tr = useTexts(reviewTexts);
  return <p class={className}>{tr('review.nextOn', { date: reviewDay(locale, at, now) })}</p>;
}
