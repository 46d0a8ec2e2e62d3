// The takeback command line: the only top-level catch. A user error prints a clear, localised
// message and an exit code, never a stack trace.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, TakebackError, isTakebackError } from '../core/errors.ts';
import { detectLang, initI18n, t, type Lang } from '../core/i18n.ts';
import { terminalSafe } from '../core/sanitize.ts';
import type { Severity } from '../detect/finding.ts';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.ts';
import { resolveStorePath } from '../store/open.ts';
import { localiseCommander, localiseCommanderError } from './commander-text.ts';
import { processIo, type GlobalOptions, type Io } from './context.ts';
import { parseTimeArg, scopeFilter } from './time-arg.ts';

/**
 * Each command's module is loaded only when that command runs: loading them all up front cost about
 * 60 MB of peak RSS in every command (an import does not need the report renderers or the collectors).
 */
const commands = {
  assess: () => import('./commands/assess.ts'),
  connect: () => import('./commands/connect.ts'),
  demo: () => import('./commands/demo.ts'),
  events: () => import('./commands/events.ts'),
  hunt: () => import('./commands/hunt.ts'),
  import: () => import('./commands/import.ts'),
  report: () => import('./commands/report.ts'),
  scan: () => import('./commands/scan.ts'),
  timeline: () => import('./commands/timeline.ts'),
  verify: () => import('./commands/verify.ts'),
};

/** --lang must be known before the help texts are built, so it is read ahead of commander. */
function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

const TABLE_DEFAULT_LIMIT = 500;

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = localiseCommander(new Command('takeback'), '0.1.0');
  program
    .description(t('cli.description'))
    .addOption(new Option('--lang <lang>', t('cli.opt.lang')).choices(['en', 'ja']))
    .option('--store <path>', t('cli.opt.store'))
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(localiseCommanderError(s)),
    })
    .exitOverride();

  const globals = (): GlobalOptions => {
    const o = program.opts<{ lang?: Lang; store?: string }>();
    return { lang: o.lang ?? detectLang(), store: resolveStorePath(o.store) };
  };

  program
    .command('demo')
    .description(t('cli.demo.description'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: { json: boolean }) => {
      const storeGiven = program.opts<{ store?: string }>().store !== undefined || !!process.env.TAKEBACK_STORE;
      setExit(await (await commands.demo()).demoCommand({ json: o.json, storeGiven }, globals(), io));
    });

  const connect = program.command('connect').description(t('cli.connect.description'));
  connect
    .command('m365')
    .description(t('cli.connect.m365'))
    .requiredOption('--tenant <id>', t('cli.connect.tenant'))
    .option('--client-id <id>', t('cli.connect.client_id'))
    .option('--name <name>', t('cli.connect.name'))
    .option('--certificate <file>', t('cli.connect.certificate'))
    .option('--key <file>', t('cli.connect.key'))
    .option('--client-secret-env <variable>', t('cli.connect.secret_env'))
    .option('--authority-host <url>', t('cli.connect.authority_host'))
    .option('--graph-root <url>', t('cli.connect.graph_root'))
    .option('--break-glass <upn...>', t('cli.connect.break_glass'))
    .option('--no-test', t('cli.connect.no_test'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: Record<string, string | string[] | boolean | undefined>) => {
      const str = (k: string) => (typeof o[k] === 'string' ? (o[k]) : undefined);
      const optional = (k: string, key: string) => (str(k) !== undefined ? { [key]: str(k)! } : {});
      setExit(
        await (await commands.connect()).connectM365Command(
          {
            tenant: str('tenant')!,
            ...optional('clientId', 'clientId'),
            ...optional('name', 'name'),
            ...optional('certificate', 'certificate'),
            ...optional('key', 'key'),
            ...optional('clientSecretEnv', 'clientSecretEnv'),
            ...optional('authorityHost', 'authorityHost'),
            ...optional('graphRoot', 'graphRoot'),
            ...(Array.isArray(o.breakGlass) ? { breakGlass: o.breakGlass } : {}),
            test: o.test !== false,
            json: o.json === true,
          },
          globals(),
          io,
        ),
      );
    });

  program
    .command('scan')
    .description(t('cli.scan.description'))
    .option('--profile <name>', t('cli.scan.profile'))
    .addOption(new Option('--fail-on <severity>', t('cli.scan.fail_on')).choices(['info', 'low', 'medium', 'high', 'critical']).default('high'))
    .option('--report <file>', t('cli.scan.report'))
    .option('--accept <file>', t('cli.assess.accept'))
    .option('--sigma <path...>', t('cli.opt.sigma'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: { profile?: string; json: boolean; failOn: Severity; report?: string; accept?: string; sigma?: string[] }) => {
      const extra = {
        ...(o.profile ? { profile: o.profile } : {}),
        ...(o.report ? { report: o.report } : {}),
        ...(o.accept ? { accept: o.accept } : {}),
        ...(o.sigma ? { sigma: o.sigma } : {}),
      };
      setExit(await (await commands.scan()).scanCommand({ json: o.json, failOn: o.failOn, ...extra }, globals(), io));
    });

  program
    .command('import')
    .description(t('cli.import.description'))
    .argument('<files...>', t('cli.import.files'))
    .option('--tenant <id>', t('cli.import.tenant'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (files: string[], o: { tenant?: string; json: boolean }) => {
      setExit(await (await commands.import()).importCommand({ files, json: o.json, ...(o.tenant ? { tenant: o.tenant } : {}) }, globals(), io));
    });

  program
    .command('events')
    .description(t('cli.events.description'))
    .option('--tenant <id>', t('cli.events.tenant'))
    .option('--action <action...>', t('cli.events.action'))
    .option('--actor <text>', t('cli.events.actor'))
    .option('--target <text>', t('cli.events.target'))
    .option('--ip <address>', t('cli.events.ip'))
    .option('--since <time>', t('cli.events.since'))
    .option('--until <time>', t('cli.events.until'))
    .option('--text <text>', t('cli.events.text'))
    .option('--id <id...>', t('cli.events.id'))
    .option('--limit <n>', t('cli.events.limit'))
    .option('--json', t('cli.opt.json'), false)
    .option('--csv', t('cli.events.csv'), false)
    .action(async (o: Record<string, string | string[] | boolean | undefined>) => {
      const format = o.json ? 'json' : o.csv ? 'csv' : 'table';
      let limit: number | undefined;
      if (typeof o.limit === 'string') {
        limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 0) throw new TakebackError('cli.bad_number', { option: '--limit', value: o.limit }, { exitCode: EXIT.usage });
      } else if (format === 'table') limit = TABLE_DEFAULT_LIMIT;
      const str = (k: string) => (typeof o[k] === 'string' ? (o[k]) : undefined);
      const filter = {
        ...(str('tenant') !== undefined ? { tenant: str('tenant')! } : {}),
        ...(Array.isArray(o.action) ? { actions: o.action } : {}),
        ...(str('actor') !== undefined ? { actor: str('actor')! } : {}),
        ...(str('target') !== undefined ? { target: str('target')! } : {}),
        ...(str('ip') !== undefined ? { ip: str('ip')! } : {}),
        ...(str('since') !== undefined ? { since: parseTimeArg(str('since')!, '--since') } : {}),
        ...(str('until') !== undefined ? { until: parseTimeArg(str('until')!, '--until', new Date(), 'end') } : {}),
        ...(str('text') !== undefined ? { text: str('text')! } : {}),
        ...(Array.isArray(o.id) ? { ids: new Set(o.id) } : {}),
        ...(limit !== undefined ? { limit } : {}),
      };
      setExit(await (await commands.events()).eventsCommand({ filter, format }, globals(), io));
    });

  program
    .command('timeline')
    .description(t('cli.timeline.description'))
    .option('--tenant <id>', t('cli.events.tenant'))
    .option('--since <time>', t('cli.events.since'))
    .option('--until <time>', t('cli.events.until'))
    .option('--sigma <path...>', t('cli.opt.sigma'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: { tenant?: string; since?: string; until?: string; sigma?: string[]; json: boolean }) => {
      const filter = scopeFilter(o);
      setExit(await (await commands.timeline()).timelineCommand({ filter, json: o.json, ...(o.sigma ? { sigma: o.sigma } : {}) }, globals(), io));
    });

  program
    .command('assess')
    .description(t('cli.assess.description'))
    .option('--tenant <id>', t('cli.events.tenant'))
    .option('--accept <file>', t('cli.assess.accept'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: { tenant?: string; accept?: string; json: boolean }) => {
      setExit(await (await commands.assess()).assessCommand({ json: o.json, ...(o.tenant ? { tenant: o.tenant } : {}), ...(o.accept ? { accept: o.accept } : {}) }, globals(), io));
    });

  program
    .command('report')
    .description(t('cli.report.description'))
    .option('--tenant <id>', t('cli.events.tenant'))
    .option('--since <time>', t('cli.events.since'))
    .option('--until <time>', t('cli.events.until'))
    .addOption(new Option('--format <format>', t('cli.report.format')).choices([...REPORT_FORMATS]).default('html'))
    .option('--out <file>', t('cli.report.out'))
    .option('--sigma <path...>', t('cli.opt.sigma'))
    .action(async (o: { tenant?: string; since?: string; until?: string; format: ReportFormat; out?: string; sigma?: string[] }) => {
      const filter = scopeFilter(o);
      setExit(await (await commands.report()).reportCommand({ filter, format: o.format, ...(o.out ? { out: o.out } : {}), ...(o.sigma ? { sigma: o.sigma } : {}) }, globals(), io));
    });

  program
    .command('hunt')
    .description(t('cli.hunt.description'))
    .requiredOption('--sigma <dir...>', t('cli.hunt.sigma'))
    .option('--rule <id...>', t('cli.hunt.rule'))
    .option('--no-builtin', t('cli.hunt.no_builtin'))
    .option('--tenant <id>', t('cli.events.tenant'))
    .option('--since <time>', t('cli.events.since'))
    .option('--until <time>', t('cli.events.until'))
    .option('--report <file>', t('cli.hunt.report'))
    .addOption(new Option('--format <format>', t('cli.hunt.format')).choices([...REPORT_FORMATS]).default('html'))
    .option('--json', t('cli.opt.json'), false)
    .action(
      async (o: { sigma: string[]; rule?: string[]; builtin: boolean; tenant?: string; since?: string; until?: string; report?: string; format: ReportFormat; json: boolean }) => {
        const filter = scopeFilter(o);
        const report = o.report ? { report: { path: o.report, format: o.format } } : {};
        setExit(await (await commands.hunt()).huntCommand({ dirs: o.sigma, rules: o.rule ?? [], builtin: o.builtin, filter, json: o.json, ...report }, globals(), io));
      },
    );

  program
    .command('sigma')
    .description(t('cli.sigma.description'))
    .command('check')
    .description(t('cli.sigma.check'))
    .argument('<dirs...>', t('cli.sigma.dirs'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (dirs: string[], o: { json: boolean }) => {
      setExit((await commands.hunt()).sigmaCheckCommand({ dirs, json: o.json }, globals(), io));
    });

  program
    .command('verify')
    .description(t('cli.verify.description'))
    .option('--json', t('cli.opt.json'), false)
    .action(async (o: { json: boolean }) => {
      setExit(await (await commands.verify()).verifyCommand(o, globals(), io));
    });

  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const lang = detectLang(langFromArgv(argv.slice(2)));
  initI18n(lang);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit with 0; commander has already printed its message.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isTakebackError(e)) {
      io.stderr.write(terminalSafe(t(`errors.${e.code}`, e.params)) + '\n');
      return e.exitCode;
    }
    io.stderr.write(terminalSafe(t('errors.unexpected', { message: e instanceof Error ? e.message : String(e) })) + '\n');
    if (process.env.TAKEBACK_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return EXIT.error;
  }
}

// A reader that stops early (`takeback events | head`) closes the pipe: stop quietly, as other
// command-line tools do, rather than crash on the write that can no longer go anywhere.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(EXIT.ok);
  });
}

process.exitCode = await main(process.argv);
