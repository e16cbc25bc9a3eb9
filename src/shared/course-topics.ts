// The topics a learner can ask to learn more about when a course is finished ("Hva vil du lære
// mer om?", issue 15): a list that lives with the courses (courses/topics.yml), checked by the
// course compiler (src/content/topics.ts) and built into the app (vite.config.ts).

/** One topic: its id (what an answer stores) and its label in each interface language. */
export interface CourseTopic {
  id: string;
  nb: string;
  nn: string;
  en: string;
}
