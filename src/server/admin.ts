// Entry of `npm run admin -- …` (src/server/network/admin-command.ts): the network admin's
// command line, on the server's own configuration. Compiled with the server into
// dist-server/admin.js (scripts/build-server.mjs), so it needs no TypeScript loader either.
import { runAdmin } from './network/admin-command';

process.exitCode = await runAdmin(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
