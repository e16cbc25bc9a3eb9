// The home screen's cards after "Fortsett" (issue 16), loaded on demand (lazy-review.ts):
// "Repetisjon" — how many review questions are due and a way in, or, when none is, the day of
// the next one (nothing before the learner has completed a quiz) — and "Ukemål": this week's
// lessons against the goal, the streak in weeks, and a calm word when a missed week was forgiven.
// No nagging: nothing here counts days or asks the learner to come back.
import { REVIEW_SESSION_SIZE } from '../../shared/review-schedule';
import { Meter } from '../components/Meter';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { NextReview } from './NextReview';
import { useReviewStore, type ReviewStore } from './review-store';
import { reviewTexts } from './review-texts';

/** Minutes a session of `size` questions takes: a full one (five) about two. */
export const sessionMinutes = (size: number): number =>
  Math.max(1, Math.ceil((size * 2) / REVIEW_SESSION_SIZE));

export function HomeLearning() {
  const store = useReviewStore();
  return (
    <>
      <ReviewCard store={store} />
      <WeeklyGoalCard store={store} />
    </>
  );
}

function ReviewCard({ store }: { store: ReviewStore }) {
  const tr = useTexts(reviewTexts);
  const count = store.dueCount.value;
  const next = store.nextDue.value;
  if (count === undefined) return null;
  if (count === 0)
    return next == null ? null : (
      <NextReview at={next} now={store.now.value} class="hint review-next" />
    );
  const size = Math.min(count, REVIEW_SESSION_SIZE);
  const waiting = tr('review.waiting', { count });
  const minutes = tr('review.minutes', { count: sessionMinutes(size) });
  return (
    <section class="card learning-card" aria-labelledby="review-heading">
      <h2 id="review-heading">{tr('review.title')}</h2>
      <p id="review-waiting">
        {count > size
          ? tr('review.waitingRounds', { waiting, size, minutes })
          : tr('review.waitingTime', { waiting, minutes })}
      </p>
      <p class="actions">
        <a class="button" href={paths.review} aria-describedby="review-waiting">
          {tr('review.start')}
        </a>
      </p>
    </section>
  );
}

function WeeklyGoalCard({ store }: { store: ReviewStore }) {
  const tr = useTexts(reviewTexts);
  const weekly = store.weekly.value;
  if (!weekly) return null;
  const { done, goal, streak, forgiven } = weekly;
  const reached = done >= goal;
  return (
    <section class="card learning-card" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">{tr('weekly.title')}</h2>
      <p>
        {reached
          ? tr('weekly.reached', { count: done })
          : tr('weekly.progress', { done, count: goal })}
      </p>
      <Meter
        label={tr('weekly.meterLabel')}
        value={Math.min(done, goal)}
        max={goal}
        text={reached ? tr('weekly.meterReached') : tr('weekly.meter', { done, goal })}
      />
      {streak >= 1 && <p>{tr('weekly.streak', { count: streak })}</p>}
      {forgiven && <p class="hint">{tr('weekly.forgiven')}</p>}
      <p>
        <a href={paths.studyPlan}>
          {store.data.value?.hasPlan === false ? tr('weekly.makePlan') : tr('weekly.change')}
        </a>
      </p>
    </section>
  );
}
