// GET /api/v1/insight (issue 15): whether the caller may see the insight page, over what, and the
// gardens its filter lists. Apart from the rest of the insight wire format (insight-protocol.ts)
// because the learners' Settings asks it before offering the page's link: only this much of it
// is in their offline shell.
import { z } from 'zod/mini';

/** A garden the caller may filter by. */
export const insightGardenSchema = z.object({
  id: z.string(),
  name: z.string(),
  county: z.string(),
});
export type InsightGarden = z.infer<typeof insightGardenSchema>;

/** What the caller may see: the whole network (an analyst) or the gardens they advise, listed by
 * name. */
export const insightAccessSchema = z.object({
  scope: z.enum(['network', 'gardens']),
  gardens: z.array(insightGardenSchema),
});
export type InsightAccess = z.infer<typeof insightAccessSchema>;
