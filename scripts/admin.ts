// Entry of `npm run admin -- …` (src/server/network/admin-command.ts): the network admin's
// command line, on the server's own configuration.
import { runAdmin } from '../src/server/network/admin-command';

process.exitCode = await runAdmin(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
