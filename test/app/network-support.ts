// Helpers for the app tests of the learner's side of the business-garden network: a garden with
// firms and a join code made straight in the harness's server database, the join preview (asked
// without a session, through the global fetch) routed to the same server in process, and a
// membership known on the device as the membership store keeps it.
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import { setSetting } from '../../src/client-core/db/settings';
import { createJoinCode } from '../../src/server/network/join-codes';
import { insertGarden } from '../../src/server/network/queries';
import { NETWORK_SETTING, type StoredNetworkMe } from '../../src/app/network/membership-store';
import {
  CONSENT_TEXT_VERSION,
  type Garden,
  type Membership,
  type NetworkMe,
} from '../../src/shared/network-protocol';
import { BASE_URL, type SyncHarness } from '../utils/sync-harness';

/** Valid organisation numbers (mod-11). */
export const ORG_A = '974760673';

/** A garden in the server database with `firms` and a live join code. */
export async function gardenWithCode(
  harness: SyncHarness,
  {
    name = 'Vekstparken',
    firms = ['Kaffebrenneriet AS'],
  }: { name?: string; firms?: string[] } = {},
) {
  const at = Date.now();
  const garden = {
    id: randomUUID(),
    name,
    county: 'Nordland',
    municipality: 'Bodø',
    created_at: at,
  };
  await insertGarden(harness.server.db, garden);
  const firmRows = firms.map((firm) => ({
    id: randomUUID(),
    garden_id: garden.id,
    name: firm,
    org_number: null,
    created_at: at,
  }));
  if (firmRows.length > 0) await harness.server.db.insertInto('firms').values(firmRows).execute();
  const { code } = await createJoinCode(
    harness.server.db,
    { gardenId: garden.id, createdBy: null, expiresAt: null, at },
    BASE_URL,
  );
  return { garden, firms: firmRows, code };
}

/** Requests the app makes with the global fetch to /api/v1/network go to the harness's server;
 * everything else to the fetch stubbed before (the fake course API). */
export function routeNetworkToHarness(harness: SyncHarness) {
  const courses = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    return url.startsWith('/api/v1/network/')
      ? harness.fetch(`${BASE_URL}${url}`, init)
      : courses(input, init);
  });
}

/** A garden as the network API shows it. */
export const gardenOf = (id = randomUUID(), name = 'Vekstparken'): Garden => ({
  id,
  name,
  county: 'Nordland',
  municipality: 'Bodø',
  createdAt: Date.UTC(2026, 0, 5),
});

/** A membership of `garden`, joined on 5 March 2026. */
export const membershipOf = (garden: Garden = gardenOf()): Membership => ({
  garden,
  firm: { id: randomUUID(), name: 'Kaffebrenneriet AS', orgNumber: null },
  displayName: 'Kari',
  joinedAt: Date.UTC(2026, 2, 5, 12),
  consent: { textVersion: '2026-12-02', givenAt: Date.UTC(2026, 2, 5, 12) },
});

/** Store `me` on the device as the membership store's copy for `userId`. */
export async function storeNetworkCopy(
  userId: string,
  me: Partial<NetworkMe>,
  fetchedAt = Date.UTC(2026, 11, 1, 13, 2),
): Promise<void> {
  const value: StoredNetworkMe = {
    userId,
    me: { memberships: [], advisorOf: [], roles: [], ...me },
    fetchedAt,
  };
  await setSetting(NETWORK_SETTING, value);
}

/** Join the garden of `code` as the learner with `token`, through the real route. */
export async function joinThroughServer(
  harness: SyncHarness,
  token: string,
  code: string,
  firm: { id: string } | { name: string } = { name: 'Kaffebrenneriet AS' },
): Promise<Membership> {
  const response = await harness.fetch(`${BASE_URL}/api/v1/network/join`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      code,
      firm,
      displayName: 'Kari',
      consentVersion: CONSENT_TEXT_VERSION,
    }),
  });
  if (response.status !== 200) throw new Error(`join: ${response.status} ${await response.text()}`);
  return (await response.json()) as Membership;
}
