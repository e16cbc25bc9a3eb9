// Figures shown next to a baseline that the issue sets no target for: the ratio is printed, the
// "met" column stays empty.
import type { Figure } from './figure';

/** The same figure, with its target replaced by "reported" and no verdict. */
export const reported = (figure: Figure): Figure => ({ ...figure, target: 'reported', met: null });
