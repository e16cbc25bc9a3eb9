// `npm run admin -- …`: the network admin's command line (issue 14). Bootstraps the network
// before anyone can sign in as its admin: creates gardens and their first advisor's invite,
// lists gardens, invites and removes advisors, grants network roles. Reads the server's own
// configuration (DATA_DIR or DATABASE_URL, PUBLIC_URL, SMTP_URL …), runs the migrations first,
// and mails invites through the server's mail path. Bad input prints one clear line and exits 1.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod/mini';
import { COUNTIES, findCounty } from '../../shared/counties';
import { credentialsSchema } from '../../shared/sync-protocol';
import { findUserByEmail } from '../auth/queries';
import { ConfigError, loadConfig } from '../config';
import { databaseTargetOf, openDatabase, type Database } from '../db/database';
import type { NetworkRole } from '../db/schema';
import { createLogger } from '../logger';
import { configuredMailer } from '../mail/mailer';
import { MAIL_LANGUAGES, type MailLanguage } from '../mail/texts';
import { createGarden, inviteAdvisor, removeAdvisor, type NetworkDeps } from './gardens';
import { findGarden, findGardensByName, grantNetworkRole, listGardens } from './queries';

/** Where the command writes: its result to `out`, problems to `err`. */
export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A mistake of the operator's: the message is the one line to show. */
class UsageError extends Error {}

export const USAGE = `Usage: npm run admin -- <command>

  garden create --name <name> --county <county> [--municipality <name>]
                [--advisor-email <address>] [--lang nb|nn|en]
  garden list
  advisor invite --garden <id or name> --email <address> [--lang nb|nn|en]
  advisor remove --garden <id or name> --email <address>
  role grant --email <address> --role network_admin|analyst

The database, PUBLIC_URL and the mail settings are the server's (DATA_DIR or DATABASE_URL,
PUBLIC_URL, SMTP_URL, MAIL_FROM).`;

const ROLES: readonly NetworkRole[] = ['network_admin', 'analyst'];

const OPTIONS = {
  name: { type: 'string' },
  county: { type: 'string' },
  municipality: { type: 'string' },
  'advisor-email': { type: 'string' },
  garden: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value.trim();
}

function emailOf(value: string): string {
  const parsed = z.safeParse(credentialsSchema.shape.email, value);
  if (!parsed.success) throw new UsageError(`Not an email address: ${value}`);
  return parsed.data;
}

function countyOf(value: string): string {
  const county = findCounty(value);
  if (!county) {
    const names = COUNTIES.map((c) => `${c.name} (${c.number})`).join(', ');
    throw new UsageError(`Unknown county "${value}". The counties are: ${names}`);
  }
  return county.name;
}

function langOf(value: string | undefined): MailLanguage {
  if (value === undefined) return 'nb';
  if (!(MAIL_LANGUAGES as readonly string[]).includes(value)) {
    throw new UsageError(`--lang must be one of ${MAIL_LANGUAGES.join(', ')}`);
  }
  return value as MailLanguage;
}

/** The garden `value` names: its id, or its name if exactly one garden has it. */
async function gardenOf(database: Database, value: string) {
  const byId = await findGarden(database.db, value);
  if (byId) return byId;
  const byName = await findGardensByName(database.db, value);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    const ids = byName.map((g) => g.id).join(', ');
    throw new UsageError(`Several gardens are called "${value}"; give one of their ids: ${ids}`);
  }
  throw new UsageError(`No garden has the id or name "${value}" (see: garden list)`);
}

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Runs one command; resolves with the exit code. */
export async function runAdmin(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: AdminIo,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const command = positionals.join(' ');
  if (values.help || command === '') {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 1;
  }
  const known = ['garden create', 'garden list', 'advisor invite', 'advisor remove', 'role grant'];
  if (!known.includes(command)) {
    io.err(`Unknown command "${command}"\n\n${USAGE}`);
    return 1;
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 1;
  }
  // Log lines (mail written to a file, failures) go to stderr; stdout holds the result.
  const logger = createLogger(
    config.logLevel === 'info' ? 'warn' : config.logLevel,
    process.stderr,
  );
  let database: Database | undefined;
  try {
    // Check the input before touching the database.
    const lang = langOf(values.lang);
    const input = {
      'garden create': () => ({
        name: required(values, 'name'),
        county: countyOf(required(values, 'county')),
        municipality: values.municipality?.trim() || null,
        advisorEmail:
          values['advisor-email'] === undefined ? undefined : emailOf(values['advisor-email']),
      }),
      'garden list': () => ({}),
      'advisor invite': () => ({
        garden: required(values, 'garden'),
        email: emailOf(required(values, 'email')),
      }),
      'advisor remove': () => ({
        garden: required(values, 'garden'),
        email: emailOf(required(values, 'email')),
      }),
      'role grant': () => {
        const role = required(values, 'role');
        if (!(ROLES as readonly string[]).includes(role)) {
          throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        }
        return { email: emailOf(required(values, 'email')), role: role as NetworkRole };
      },
    }[command]!() as Record<string, unknown>;

    if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
    database = await openDatabase(databaseTargetOf(config), { poolSize: 2 });
    const deps: NetworkDeps = {
      db: database.db,
      logger,
      mailer: configuredMailer({ ...config, logger }),
      now: Date.now,
    };
    const origin = config.publicUrl ?? `http://localhost:${config.port}`;
    if (!config.publicUrl && (command === 'garden create' || command === 'advisor invite')) {
      io.err(`PUBLIC_URL is not set: the link points to ${origin}`);
    }
    const printInvite = (invite: {
      email: string;
      expiresAt: number;
      link: string;
      mailed: boolean;
    }) => {
      io.out(
        `Invite for ${invite.email}, single use, valid until ${when(invite.expiresAt)}` +
          ` (${invite.mailed ? `mailed through ${deps.mailer!.describe}` : 'NOT mailed: pass the link on'}):`,
      );
      io.out(`  ${invite.link}`);
    };

    switch (command) {
      case 'garden create': {
        const { name, county, municipality, advisorEmail } = input as {
          name: string;
          county: string;
          municipality: string | null;
          advisorEmail?: string;
        };
        const garden = await createGarden(deps, { name, county, municipality });
        io.out(
          `Garden created: ${garden.name} (${[garden.county, garden.municipality].filter(Boolean).join(', ')})`,
        );
        io.out(`  id: ${garden.id}`);
        if (advisorEmail) {
          const invite = await inviteAdvisor(
            deps,
            { gardenId: garden.id, email: advisorEmail, invitedBy: null },
            { origin, lang },
          );
          printInvite(invite!);
        }
        return 0;
      }
      case 'garden list': {
        const gardens = [];
        for (let after: string | undefined; ;) {
          const page = await listGardens(database.db, { after, limit: 500 });
          gardens.push(...page);
          if (page.length < 500) break;
          after = page[page.length - 1]!.id;
        }
        if (gardens.length === 0) io.out('No gardens yet (create one: garden create).');
        for (const garden of gardens) {
          const place = [garden.county, garden.municipality].filter(Boolean).join(', ');
          io.out(`${garden.id}  ${garden.name}  (${place})`);
        }
        return 0;
      }
      case 'advisor invite': {
        const garden = await gardenOf(database, input.garden as string);
        const invite = await inviteAdvisor(
          deps,
          { gardenId: garden.id, email: input.email as string, invitedBy: null },
          { origin, lang },
        );
        printInvite(invite!);
        return 0;
      }
      case 'advisor remove': {
        const garden = await gardenOf(database, input.garden as string);
        const user = await findUserByEmail(database.db, input.email as string);
        if (!user || !(await removeAdvisor(deps, garden.id, user.id))) {
          throw new UsageError(`${input.email as string} does not advise ${garden.name}`);
        }
        io.out(`${user.email} no longer advises ${garden.name}.`);
        return 0;
      }
      default: {
        const { email, role } = input as { email: string; role: NetworkRole };
        const user = await findUserByEmail(database.db, email);
        if (!user)
          throw new UsageError(`No account has the address ${email}: register it in the app first`);
        await grantNetworkRole(database.db, user.id, role, Date.now());
        io.out(`${user.email} is ${role}.`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 1;
    }
    io.err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database?.close();
  }
}
