// npm run user -- create --role admin EMAIL [--name NAME]
// npm run user -- set-password EMAIL        (ends the user's sessions)
// npm run user -- list
//
// The password comes from a prompt, or from the first line of stdin when stdin is not a
// terminal (`echo "$PASSWORD" | npm run user -- create …`). With the embedded database this
// runs while the server is stopped: the data folder belongs to one process.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { findUserByEmail, listUsers } from '../db/queries/users.ts';
import { userRoles, type UserRole } from '../db/schema/index.ts';
import { loadConfig } from '../server/config.ts';
import { createUser, setPassword } from '../server/domain/accounts.ts';
import { Invalid } from '../server/errors.ts';
import { translator } from '../server/i18n/index.ts';
import { runCli } from './cli.ts';

const usage = `usage:
  npm run user -- create --role admin|editor EMAIL [--name NAME]
  npm run user -- set-password EMAIL
  npm run user -- list`;

class UsageError extends Error {}

/** Reads a password without echoing it (terminal), or the first line of piped stdin. */
async function readPassword(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line.replace(/\r$/, '');
    }
    throw new UsageError('No password on stdin: pipe one line, or run in a terminal to be asked.');
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      let muted = false;
      const output = new Writable({
        write(chunk, _encoding, done) {
          if (!muted) process.stdout.write(chunk);
          done();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask(prompt);
  if (confirm && (await ask('Repeat it: ')) !== first) throw new UsageError('The two passwords differ: nothing was changed.');
  return first;
}

function explain(error: unknown): never {
  if (error instanceof Invalid) {
    const t = translator('en');
    throw new UsageError([t(error.message), ...Object.values(error.fields).map((f) => `  ${t(f)}`)].join('\n'));
  }
  throw error;
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, email] = positionals;
  try {
    if (values.help || !command) throw new UsageError(usage);
    if (command !== 'list' && !email) throw new UsageError(`${command} needs an EMAIL.\n${usage}`);
    if (command === 'create' && !userRoles.includes(values.role as UserRole)) {
      throw new UsageError(`create needs --role admin or --role editor.\n${usage}`);
    }
    if (!['create', 'set-password', 'list'].includes(command)) throw new UsageError(`Unknown command "${command}".\n${usage}`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }

  const config = loadConfig();
  // Opening the embedded database takes its folder lock: a running server makes this stop
  // here with a message saying so (DataDirInUse), before any prompt.
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    if (command === 'list') {
      for (const u of await listUsers(database.db)) {
        console.log(`${u.email}\t${u.name}\t${u.role}${u.disabledAt ? '\tdisabled' : ''}${u.hasPassword ? '' : '\t(no password yet)'}`);
      }
      return;
    }
    const existing = await findUserByEmail(database.db, email!);
    if (command === 'create') {
      if (existing) throw new UsageError(`An account with the email ${existing.email} already exists.`);
      const password = await readPassword(`Password for ${email}: `, true);
      const user = await createUser(database.db, { email: email!, name: values.name, role: values.role as UserRole, password }, null).catch(explain);
      console.log(`Created ${user.role} ${user.name} <${user.email}>. Sign in at /login.`);
    } else {
      if (!existing) throw new UsageError(`There is no account with the email ${email}.`);
      const password = await readPassword(`New password for ${existing.email}: `, true);
      await setPassword(database.db, existing.id, password, null).catch(explain);
      console.log(`Password changed for ${existing.email}; their sessions were ended.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
});
