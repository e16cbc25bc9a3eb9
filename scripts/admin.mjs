// `npm run admin -- …`: compile the server (and with it the admin command) if it is missing or
// older than its sources, then run the compiled command, dist-server/admin.js, in this process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, SERVER_OUT_DIR } from './build-server.mjs';

await ensureServerBuilt();
await import(pathToFileURL(join(SERVER_OUT_DIR, 'admin.js')).href);
