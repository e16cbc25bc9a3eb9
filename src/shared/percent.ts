// How much of something is done, as the whole percent a learner reads. Rounded to the nearest
// percent (2 of 7 is 29 %, not the 28 % that cutting off gives), but never 100 % before the last
// part is done nor 0 % after the first: a learner who sees 100 % stops, one who sees 0 % thinks
// their work was lost.

/** `done` of `total` (counts, or a fraction of 1) as a whole percent from 0 to 100. */
export const roundedPercent = (done: number, total: number): number => {
  if (!(total > 0) || !(done > 0)) return 0;
  if (done >= total) return 100;
  return Math.min(99, Math.max(1, Math.round((done / total) * 100)));
};
