// The app's URLs (Norwegian paths). Build links with these, never by hand.
import { INVITE_PATH, JOIN_PATH } from '../shared/network-paths';

export const paths = {
  home: '/',
  catalogue: '/kurs',
  settings: '/innstillinger',
  storage: '/lagring',
  account: '/konto',
  forgotPassword: '/konto/glemt-passord',
  newPassword: '/konto/nytt-passord',
  verifyEmail: '/konto/bekreft-epost',
  course: (courseId: string) => `/kurs/${encodeURIComponent(courseId)}`,
  lesson: (courseId: string, lessonId: string) =>
    `/kurs/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`,
  // The business-garden network (issue 14): joining with consent, the privacy statement, and
  // the advisor's screens (a chunk of their own).
  join: JOIN_PATH,
  privacy: '/personvern',
  advisor: '/radgiver',
  advisorInvite: INVITE_PATH,
  advisorGarden: (gardenId: string) => `/radgiver/hage/${encodeURIComponent(gardenId)}`,
  advisorLearner: (gardenId: string, learnerId: string) =>
    `/radgiver/hage/${encodeURIComponent(gardenId)}/elev/${encodeURIComponent(learnerId)}`,
  // Insight for analysts and advisors (issue 15): aggregates only, a chunk of its own.
  insight: '/innsikt',
  // Issue 16: spaced review of completed quizzes, and the weekly goal with the study plan
  // (chunks of their own).
  review: '/repetisjon',
  studyPlan: '/studieplan',
} as const;

/** Route patterns for preact-iso's <Route path>. */
export const routePatterns = {
  home: '/',
  catalogue: '/kurs',
  course: '/kurs/:courseId',
  lesson: '/kurs/:courseId/:lessonId',
  settings: '/innstillinger',
  storage: '/lagring',
  account: '/konto',
  forgotPassword: '/konto/glemt-passord',
  newPassword: '/konto/nytt-passord',
  verifyEmail: '/konto/bekreft-epost',
  join: JOIN_PATH,
  privacy: '/personvern',
  advisor: '/radgiver',
  advisorGarden: '/radgiver/hage/:gardenId',
  advisorLearner: '/radgiver/hage/:gardenId/elev/:learnerId',
  advisorInvite: INVITE_PATH,
  insight: '/innsikt',
  studyPlan: '/studieplan',
  review: '/repetisjon',
} as const;

/** Whether a URL path is a lesson's (routePatterns.lesson), without the router: the entry script
 * starts loading the lesson player for it before anything else. */
export const isLessonPath = (path: string): boolean => /^\/kurs\/[^/]+\/[^/]+\/?$/.test(path);
