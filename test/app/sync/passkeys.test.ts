// Passkeys on the device, against the real server in process: the list of a signed-in learner,
// and the sentence each failure becomes — no connection, a browser without WebAuthn (jsdom has
// none), a cancelled dialog, a passkey already on the account. The ceremonies themselves run in
// Chromium with a virtual authenticator (test/e2e/passkey.e2e.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { getSession } from '../../../src/client-core/db/sync-state';
import { accountTexts } from '../../../src/app/components/account-texts';
import { translateTexts } from '../../../src/app/i18n/feature-texts';
import { passkeyErrorSentence } from '../../../src/app/i18n/passkey-errors';
import type { SyncController } from '../../../src/app/sync/controller';
import {
  ceremonyError,
  deviceName,
  PasskeyError,
  passkeysSupported,
} from '../../../src/app/sync/passkeys';
import { createSyncHarness, type SyncHarness } from '../../utils/sync-harness';

let harness: SyncHarness;
let device: LommekursDB;
let sync: SyncController;
beforeEach(async () => {
  harness = await createSyncHarness();
  device = await harness.newClientDb();
  sync = harness.controller(device);
});
afterEach(() => harness.close());

const t = translateTexts(accountTexts, 'nb');

async function failure(promise: Promise<unknown>): Promise<PasskeyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PasskeyError);
    return error as PasskeyError;
  }
  throw new Error('Expected the promise to reject');
}

describe('passkeys on the device', () => {
  it("lists the signed-in learner's passkeys from the server", async () => {
    await harness.signedInLearner(device);
    expect(await sync.passkeys.list()).toEqual([]);
    expect(harness.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/me/passkeys' });
  });

  it('without a connection, says so; nothing is stored', async () => {
    harness.failNext('/api/v1/auth/passkey/options', { kind: 'network' });
    const error = await failure(sync.signInWithPasskey());
    expect(error.code).toBe('offline');
    expect(passkeyErrorSentence(t, error)).toBe(
      'Fikk ikke kontakt med Lommekurs. Sjekk nettforbindelsen og prøv igjen.',
    );
    expect(await getSession(device)).toBeNull();
  });

  it('in a browser without WebAuthn, says passkeys cannot be used here', async () => {
    expect(passkeysSupported()).toBe(false);
    const error = await failure(sync.signInWithPasskey());
    expect(error.code).toBe('unsupported');
    expect(passkeyErrorSentence(t, error)).toMatch(/kan ikke bruke passnøkler her/);
  });

  it('a cancelled or timed-out dialog, and a passkey already added, get their own sentences', () => {
    const cancelled = ceremonyError(
      new DOMException('The operation either timed out or was not allowed', 'NotAllowedError'),
    );
    expect(cancelled.code).toBe('cancelled');
    expect(passkeyErrorSentence(t, cancelled)).toBe(
      'Ingen passnøkkel ble brukt. Prøv igjen når du er klar.',
    );
    const twice = ceremonyError({
      name: 'InvalidStateError',
      code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
    });
    expect(twice.code).toBe('already_added');
    expect(passkeyErrorSentence(t, new PasskeyError('unknown_passkey'))).toMatch(
      /kjenner ikke igjen denne passnøkkelen/,
    );
    expect(passkeyErrorSentence(t, new Error('raw'))).toBe(t('passkey.error.server'));
  });

  it('suggests a name from the device', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome, Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari, iPhone');
    expect(deviceName('')).toBe('Passkey');
  });
});
