// Whether the signed-in user may see the insight page (issue 15), as GET /api/v1/insight says:
// an analyst the whole network, an advisor the gardens they advise, anyone else is refused. The
// link in Settings is offered only after a 200, and the page (src/app/insight) starts from the
// same answer, which also lists the gardens its filter offers. Online only: no copy is kept.
import { useEffect, useState } from 'preact/hooks';
import { insightAccessSchema, type InsightAccess } from '../../shared/insight-access';
import { browserOffline } from '../offline/network';
import type { SyncController } from '../sync/controller';
import { RequestError } from '../sync/requests';

/** What the signed-in user may see of insight; throws RequestError (`forbidden` for a learner,
 * `offline` without a connection, without asking). */
export function fetchInsightAccess(sync: Pick<SyncController, 'request'>): Promise<InsightAccess> {
  if (browserOffline()) return Promise.reject(new RequestError('offline'));
  return sync.request('GET', '/api/v1/insight', { schema: insightAccessSchema });
}

/** Whether to offer the insight page: asked only when `ask` (signed in, online, and an advisor or
 * an analyst by the device's copy of their roles), true once the server has said 200. */
export function useInsightOffer(sync: Pick<SyncController, 'request'>, ask: boolean): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    if (!ask) {
      setOffered(false);
      return;
    }
    let current = true;
    fetchInsightAccess(sync).then(
      () => current && setOffered(true),
      () => current && setOffered(false),
    );
    return () => {
      current = false;
    };
  }, [sync, ask]);
  return offered;
}
