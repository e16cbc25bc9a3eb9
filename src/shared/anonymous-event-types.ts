// Which learner events may be sent anonymously (issue 15), apart from their wire format
// (./anonymous-feedback.ts): the device's storage layer needs the list, not the zod schemas, and
// importing those would put zod into the storage chunk every screen waits for.

/** The event types a learner may send anonymously: add a type here (one line) to accept it. */
export const ANONYMOUS_EVENT_TYPES = ['lesson.rated', 'lesson.commented', 'course.wished'] as const;
export type AnonymousEventType = (typeof ANONYMOUS_EVENT_TYPES)[number];
