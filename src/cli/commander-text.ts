// commander writes some words of its own: help headings ("Usage:", "Options:"), "default:" and
// "choices:" after option descriptions, the help and version options, and its usage errors. These
// give them in the chosen language (locales `cli.help.*`, `cli.usage.*`); anything not recognised
// is passed through as commander wrote it.
import { Help, type Argument, type Command, type Option } from 'commander';
import { t } from '../core/i18n.ts';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'usage',
  'Arguments:': 'arguments',
  'Options:': 'options',
  'Global Options:': 'globalOptions',
  'Commands:': 'commands',
};

/** The "(choices: …, default: …)" commander appends to a description, with its words translated. */
function localiseExtra(full: string, description: string): string {
  if (!full.startsWith(description)) return full;
  const extra = full
    .slice(description.length)
    .replace(/\bchoices: /g, `${t('cli.help.choices')}: `)
    .replace(/\bdefault: /g, `${t('cli.help.default')}: `);
  return description + extra;
}

/** Usage errors commander raises, by the shape of its English message. */
const ERRORS: ReadonlyArray<[RegExp, string]> = [
  [/^error: unknown option '(?<flag>[^']*)'/, 'unknown_option'],
  [/^error: unknown command '(?<name>[^']*)'/, 'unknown_command'],
  [/^error: missing required argument '(?<name>[^']*)'/, 'missing_argument'],
  [/^error: option '(?<flags>[^']*)' argument missing/, 'option_missing_argument'],
  [/^error: required option '(?<flags>[^']*)' not specified/, 'required_option'],
  [/^error: too many arguments(?: for '(?<command>[^']*)')?\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\./, 'too_many_arguments'],
  [/^error: option '(?<flags>[^']*)' argument '(?<value>[^']*)' is invalid\. Allowed choices are (?<choices>.*)\./, 'invalid_choice'],
  [/^error: command-argument value '(?<value>[^']*)' is invalid for argument '(?<name>[^']*)'\. Allowed choices are (?<choices>.*)\./, 'invalid_argument_choice'],
];

/** One commander error message in the chosen language, with its "Did you mean …?" hint. */
export function localiseCommanderError(message: string): string {
  const [first = '', ...rest] = message.split('\n');
  let out = first;
  for (const [re, key] of ERRORS) {
    const m = re.exec(first);
    if (m) {
      out = t(`cli.usage.${key}`, { ...m.groups });
      break;
    }
  }
  const tail = rest.map((line) => {
    const hint = /^\(Did you mean (?:one of )?(?<names>.*)\?\)$/.exec(line);
    return hint ? t('cli.usage.did_you_mean', { names: hint.groups!.names }) : line;
  });
  return [out, ...tail].join('\n');
}

/** Sets commander's own words on `program` (before its subcommands are added: they inherit them). */
export function localiseCommander(program: Command, version: string): Command {
  return program
    .configureHelp({
      styleTitle: (title: string) => (TITLES[title] !== undefined ? t(`cli.help.title.${TITLES[title]}`) : title),
      optionDescription(this: Help, option: Option) {
        return localiseExtra(Help.prototype.optionDescription.call(this, option), option.description);
      },
      argumentDescription(this: Help, argument: Argument) {
        return localiseExtra(Help.prototype.argumentDescription.call(this, argument), argument.description);
      },
    })
    .helpOption('-h, --help', t('cli.help.option'))
    .helpCommand('help [command]', t('cli.help.command'))
    .version(version, '-V, --version', t('cli.help.version'));
}
