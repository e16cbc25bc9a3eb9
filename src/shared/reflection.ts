// When a reflection counts as written: at least a sentence. One letter or a stray word saved by
// accident must not complete the lesson (issue 11, item 5). A sentence is measured in characters
// of text, spaces at either end not counted: simple to say to the learner ("at least 20
// characters") and the same in every language and script.

/** The fewest characters a reflection needs before "Lagre" completes the lesson. */
export const REFLECTION_MIN_CHARACTERS = 20;

/** The characters that count: the text without spaces at either end, a run of spaces as one,
 * counted in code points (an emoji is one character, as the learner sees it). */
export const reflectionLength = (text: string): number =>
  [...text.trim().replace(/\s+/g, ' ')].length;

/** Whether the text is long enough to complete a reflection. */
export const isReflectionWritten = (text: string): boolean =>
  reflectionLength(text) >= REFLECTION_MIN_CHARACTERS;
