// Reply types of the network routes, for the tests (the shared schemas' inferred types).
import type { z } from 'zod/mini';
import type { createGardenResponseSchema } from '../../src/shared/network-protocol';

export type { Invite, JoinCodeInfo } from '../../src/shared/network-protocol';
export type CreateGardenResponse = z.infer<typeof createGardenResponseSchema>;
