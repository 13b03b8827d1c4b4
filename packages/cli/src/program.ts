import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { localizeCommander, translateError } from './commander-de.js';
import { createContext, type CommandContext } from './context.js';
import { CliError, exitCodes } from './errors.js';
import type { RegistryCliOptions } from './commands/registry.js';
import type { CliIo } from './io.js';
import { argvLang, type Language } from './lang.js';

const require = createRequire(import.meta.url);

/** Version of this package, read from its package.json. */
export function cliVersion(): string {
  return (require('../package.json') as { version: string }).version;
}

type Texts = Record<Language, string>;
const tx = (de: string, en: string): Texts => ({ de, en });

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('erwartet eine ganze Zahl ≥ 1 / expected an integer ≥ 1');
  }
  return n;
}

/** A positional argument: `<name>` required, `[name]` optional. */
interface ArgumentSpec {
  readonly name: string;
  readonly text: Texts;
  readonly choices?: readonly string[];
  readonly default?: string;
}

/** An option; a parser makes it take a number, `env` and `mandatory` as in commander. */
interface OptionSpec {
  readonly flags: string;
  readonly text: Texts;
  readonly parse?: (value: string) => number;
  readonly choices?: readonly string[];
  readonly default?: string;
  readonly env?: string;
  readonly mandatory?: boolean;
}

/**
 * A command that runs: its arguments and options (each command also gets `--lang` and `-h`), the
 * examples under its help, and `run`, which imports the command module only when it runs (ADR 0111).
 */
interface CommandSpec {
  readonly name: string;
  readonly description: Texts;
  readonly args: readonly ArgumentSpec[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  readonly run: (ctx: CommandContext, args: readonly string[], opts: never) => Promise<number>;
}

/** A command of subcommands; `shared` options go to each subcommand before its own. */
interface GroupSpec {
  readonly name: string;
  readonly description: Texts;
  readonly shared?: readonly OptionSpec[];
  readonly commands: readonly CommandSpec[];
}

/** A {@link CommandSpec} whose `run` gets one string per declared argument, typed. */
function command<const A extends readonly ArgumentSpec[], O>(spec: {
  readonly name: string;
  readonly description: Texts;
  readonly args: A;
  readonly options?: readonly OptionSpec[];
  readonly examples: readonly string[];
  readonly run: (ctx: CommandContext, args: { readonly [K in keyof A]: string }, opts: O) => Promise<number>;
}): CommandSpec {
  return { options: [], ...spec } as unknown as CommandSpec;
}

const json = (de: string, en: string): OptionSpec => ({ flags: '--json', text: tx(de, en) });
const jsonResult = json('Ergebnis als JSON', 'result as JSON');
const jsonFindings = json('Befunde als JSON', 'findings as JSON');
const timeout: OptionSpec = { flags: '--timeout <ms>', text: tx('Zeitlimit je Anfrage in ms', 'timeout per request in ms'), parse: positiveInt };
const ifcModel: ArgumentSpec = { name: '<model>', text: tx('IFC-Datei, .ifczip oder -', 'IFC file, .ifczip or -') };
const idsSpec: ArgumentSpec = { name: '<spec>', text: tx('IDS-Datei oder -', 'IDS file or -') };
const kinds = ['recommendations', 'consultations', 'pilots', 'decisions', 'joint-projects'];

/** Every command of `foederal`, in the order of its help. */
const commands: readonly (GroupSpec | CommandSpec)[] = [
  {
    name: 'ifc',
    description: tx('IFC-Modelle (ISO 10303-21) lesen', 'read IFC models (ISO 10303-21)'),
    commands: [
      command({
        name: 'summary',
        description: tx(
          'Schema, Entitäten, Geschosse, Räume und DIN-277-Flächen eines Modells (.ifc oder .ifczip; - liest von der Standardeingabe)',
          'schema, entities, storeys, spaces and DIN 277 areas of a model (.ifc or .ifczip; - reads standard input)',
        ),
        args: [ifcModel],
        options: [json('JSON auf die Standardausgabe', 'JSON on standard output')],
        examples: ['foederal ifc summary schule.ifc', 'foederal ifc summary modell.ifczip --json > zusammenfassung.json', 'cat schule.ifc | foederal ifc summary -'],
        run: async (ctx, [model], opts: { json?: boolean }) => (await import('./commands/ifc-summary.js')).ifcSummary(ctx, model, opts),
      }),
    ],
  },
  {
    name: 'ids',
    description: tx('buildingSMART IDS 1.0: prüfen und auditieren', 'buildingSMART IDS 1.0: check and audit'),
    commands: [
      command({
        name: 'check',
        description: tx(
          'ein IFC-Modell gegen eine IDS-Datei prüfen; Exit-Code 0 alle bestanden, 1 eine nicht bestanden, 2 ungültige Eingabe',
          'check an IFC model against an IDS file; exit code 0 all pass, 1 one fails, 2 invalid input',
        ),
        args: [idsSpec, ifcModel],
        options: [
          { flags: '-f, --format <format>', text: tx('Berichtsformat', 'report format'), choices: ['text', 'json', 'html', 'bcf'], default: 'text' },
          { flags: '-o, --output <file>', text: tx('Bericht in diese Datei schreiben', 'write the report to this file') },
          {
            flags: '--max-failures <n>',
            text: tx('höchstens so viele fehlschlagende Entitäten je Anforderung im Bericht', 'at most this many failing entities per requirement in the report'),
            parse: positiveInt,
          },
        ],
        examples: [
          'foederal ids check anforderungen.ids schule.ifc',
          'foederal ids check anforderungen.ids schule.ifc --format html --output bericht.html --lang en',
          'foederal ids check anforderungen.ids schule.ifc --format bcf --output abweichungen.bcf',
        ],
        run: async (ctx, [spec, model], opts: { format: 'text' | 'json' | 'html' | 'bcf'; output?: string; maxFailures?: number }) =>
          (await import('./commands/ids-check.js')).idsCheck(ctx, spec, model, opts),
      }),
      command({
        name: 'audit',
        description: tx(
          'eine IDS-Datei auditieren: jeder Befund mit Zeile, Spalte und Regel; Exit-Code 1 bei Fehlern',
          'audit an IDS file: every finding with line, column and rule; exit code 1 on errors',
        ),
        args: [idsSpec],
        options: [jsonFindings],
        examples: ['foederal ids audit anforderungen.ids', 'foederal ids audit anforderungen.ids --json'],
        run: async (ctx, [spec], opts: { json?: boolean }) => (await import('./commands/ids-audit.js')).idsAudit(ctx, spec, opts),
      }),
    ],
  },
  command({
    name: 'vote',
    description: tx(
      'eine Abstimmung nach der Geschäftsordnung entscheiden und erklären (Szenario-JSON wie in @foederal/membership)',
      'decide and explain a vote under the rules of procedure (scenario JSON as in @foederal/membership)',
    ),
    args: [{ name: '<scenario>', text: tx('Szenario-JSON oder -', 'scenario JSON or -') }],
    options: [jsonResult],
    examples: ['foederal vote sitzung-2027-02-10.json', 'foederal vote sitzung-2027-02-10.json --lang en --json'],
    run: async (ctx, [scenario], opts: { json?: boolean }) => (await import('./commands/vote.js')).vote(ctx, scenario, opts),
  }),
  command({
    name: 'chair',
    description: tx('wer an einem Tag den Vorsitz hat, mit Erklärung der Rotation', 'who holds the chair on a date, with the rotation explained'),
    args: [
      {
        name: '<preset>',
        text: tx(
          'Vorlage (it-planungsrat, bauministerkonferenz, amev-style-working-group) oder Regeln als JSON-Datei',
          'preset (it-planungsrat, bauministerkonferenz, amev-style-working-group) or rules as a JSON file',
        ),
      },
      { name: '<date>', text: tx('Datum JJJJ-MM-TT', 'date YYYY-MM-DD') },
    ],
    options: [jsonResult],
    examples: ['foederal chair it-planungsrat 2027-05-01', 'foederal chair amev-style-working-group 2028-03-01 --lang en'],
    run: async (ctx, [preset, date], opts: { json?: boolean }) => (await import('./commands/chair.js')).chair(ctx, preset, date, opts),
  }),
  command({
    name: 'costs',
    description: tx(
      'die Kosten eines gemeinsamen Vorhabens aufteilen und jeden Anteil erklären (JointProject-JSON der Registry)',
      'split the costs of a joint project and explain every share (the registry JointProject JSON)',
    ),
    args: [{ name: '<project>', text: tx('Vorhaben-JSON oder -', 'project JSON or -') }],
    options: [{ flags: '--rules <file>', text: tx('eigene Geschäftsordnung (JSON) statt einer Vorlage', 'own rules of procedure (JSON) instead of a preset') }, jsonResult],
    examples: ['foederal costs gebaeudedatenportal.json', 'foederal costs vorhaben.json --rules geschaeftsordnung.json --json'],
    run: async (ctx, [project], opts: { json?: boolean; rules?: string }) => (await import('./commands/costs.js')).costs(ctx, project, opts),
  }),
  {
    name: 'publiccode',
    description: tx('publiccode.yml (openCode) prüfen', 'check publiccode.yml (openCode)'),
    commands: [
      command({
        name: 'validate',
        description: tx(
          'eine publiccode.yml parsen und prüfen; das Netz (Adressen, Erreichbarkeit) nur mit --network; Exit-Code 1 wenn ungültig',
          'parse and validate a publiccode.yml; the network (URLs, reachability) only with --network; exit code 1 when invalid',
        ),
        args: [{ name: '<file>', text: tx('Datei, - oder (mit --network) https-Adresse', 'file, - or (with --network) https URL') }],
        options: [{ flags: '--network', text: tx('Netzprüfungen erlauben und Adressen laden', 'allow network checks and fetch URLs') }, timeout, jsonResult],
        examples: [
          'foederal publiccode validate publiccode.yml',
          'foederal publiccode validate https://gitlab.opencode.de/foederal/foederal/-/raw/main/publiccode.yml --network',
        ],
        run: async (ctx, [file], opts: { network?: boolean; json?: boolean; timeout?: number }) =>
          (await import('./commands/publiccode.js')).publiccodeValidate(ctx, file, opts),
      }),
    ],
  },
  {
    name: 'operation',
    description: tx('Gebäudebetrieb: Technisches Monitoring', 'building operation: technical monitoring'),
    commands: [
      command({
        name: 'check',
        description: tx(
          'Trenddaten mit den Regeln des Technischen Monitorings prüfen; Befunde als Tabelle, JSON oder CSV; Exit-Code 1 bei Befunden',
          'check trend data with the technical monitoring rules; findings as a table, JSON or CSV; exit code 1 on findings',
        ),
        args: [
          { name: '<ede>', text: tx('EDE-Datenpunktliste (CSV) oder -', 'EDE data point list (CSV) or -') },
          { name: '<trends>', text: tx('Trendexport (CSV) oder -', 'trend export (CSV) or -') },
        ],
        options: [
          {
            flags: '--schedule <file>',
            text: tx(
              'Nutzungszeiten und Land als JSON (ohne: Regel Betrieb außerhalb der Nutzungszeit entfällt)',
              'usage times and Land as JSON (without: the outside-schedule rule is skipped)',
            ),
          },
          { flags: '--step <minutes>', text: tx('Raster in Minuten (Standard: Median der Abtastung)', 'grid in minutes (default: median sampling interval)'), parse: positiveInt },
          jsonFindings,
          { flags: '--csv', text: tx('Befunde als CSV (Semikolon)', 'findings as CSV (semicolon)') },
        ],
        examples: ['foederal operation check ede.csv trends.csv', 'foederal operation check ede.csv trends.csv --schedule nutzungszeiten.json --csv > befunde.csv'],
        run: async (ctx, [ede, trends], opts: { json?: boolean; csv?: boolean; schedule?: string; step?: number }) =>
          (await import('./commands/operation.js')).operationCheck(ctx, ede, trends, opts),
      }),
    ],
  },
  {
    name: 'registry',
    description: tx('eine laufende Registry abfragen (Token aus FOEDERAL_TOKEN)', 'query a running registry (token from FOEDERAL_TOKEN)'),
    shared: [{ flags: '--url <url>', text: tx('Adresse der Registry', 'address of the registry'), env: 'FOEDERAL_URL', mandatory: true }, timeout],
    commands: [
      command({
        name: 'list',
        description: tx('Datensätze auflisten (alle Seiten)', 'list records (all pages)'),
        args: [{ name: '[kind]', text: tx('Art', 'kind'), choices: kinds, default: 'recommendations' }],
        options: [json('als JSON-Array', 'as a JSON array')],
        examples: ['foederal registry list --url https://registry.example.org', 'FOEDERAL_URL=http://localhost:3000 foederal registry list pilots --json'],
        run: async (ctx, [kind], opts: RegistryCliOptions) => (await import('./commands/registry.js')).registryList(ctx, kind, opts),
      }),
      command({
        name: 'get',
        description: tx('einen Datensatz als JSON holen', 'fetch one record as JSON'),
        args: [
          { name: '<kind>', text: tx('Art', 'kind'), choices: kinds },
          { name: '<id>', text: tx('Kennung (Beschlüsse: JJJJ/Nummer)', 'identifier (decisions: YYYY/number)') },
        ],
        examples: ['foederal registry get recommendations gebaeudedaten-2027 --url http://localhost:3000'],
        run: async (ctx, [kind, id], opts: RegistryCliOptions) => (await import('./commands/registry.js')).registryGet(ctx, kind, id, opts),
      }),
      command({
        name: 'export',
        description: tx(
          'den Katalog als DCAT-AP.de (Turtle oder JSON-LD) oder als Katalog-JSON schreiben',
          'write the catalogue as DCAT-AP.de (Turtle or JSON-LD) or as catalogue JSON',
        ),
        args: [],
        options: [
          { flags: '-f, --format <format>', text: tx('Format', 'format'), choices: ['turtle', 'jsonld', 'json'], default: 'turtle' },
          { flags: '-o, --output <file>', text: tx('in diese Datei schreiben', 'write to this file') },
          { flags: '--header <file>', text: tx('Katalogkopf (Titel, Herausgeber …) als JSON', 'catalogue header (title, publisher …) as JSON') },
        ],
        examples: ['foederal registry export --url http://localhost:3000 --output katalog.ttl', 'foederal registry export --format jsonld --header katalogkopf.json'],
        run: async (ctx, _args, opts: RegistryCliOptions & { format: 'turtle' | 'jsonld' | 'json'; output?: string; header?: string }) =>
          (await import('./commands/registry.js')).registryExport(ctx, opts),
      }),
    ],
  },
];

/**
 * The `foederal` program (commander), with help in `lang`, built from {@link commands}. Every
 * action imports its command module only when it runs, so `--version` and `--help` load nothing heavy.
 */
export function createProgram(io: CliIo, lang: Language, setExit: (code: number) => void): Command {
  const t = (texts: Texts) => texts[lang];
  const ctx: CommandContext = createContext(io, lang);
  const example = (...lines: string[]) => `\n${t(tx('Beispiele:', 'Examples:'))}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
  const langOption = () =>
    new Option('--lang <lang>', t(tx('Sprache der Ausgabe (Standard: aus dem Locale)', 'language of the output (default: from the locale)'))).choices(['de', 'en']);

  const program = new Command('foederal');
  localizeCommander(program, lang);
  program
    .description(
      t(
        tx(
          'Prüfen, erklären und veröffentlichen mit den foederal-Bausteinen: IFC-Modelle, IDS-Prüfungen, Abstimmungen, Vorsitz, Kostenteilung, Registry.',
          'Check, explain and publish with the foederal building blocks: IFC models, IDS checks, votes, chair, cost sharing, registry.',
        ),
      ),
    )
    .version(cliVersion(), '-V, --version', t(tx('Version ausgeben', 'print the version')))
    .helpOption('-h, --help', t(tx('Hilfe anzeigen', 'show help')))
    .helpCommand('help [command]', t(tx('Hilfe zu einem Befehl', 'help for a command')))
    .addOption(langOption())
    .showHelpAfterError(t(tx('(mehr mit --help)', '(more with --help)')))
    .addHelpText(
      'after',
      `${example('foederal ifc summary schule.ifc', 'foederal ids check anforderungen.ids schule.ifc --format html --output bericht.html', 'foederal vote sitzung.json --lang en')}
${t(tx('Exit-Codes:', 'Exit codes:'))}
  0  ${t(tx('erledigt, alle Prüfungen bestanden', 'done, every check passed'))}
  1  ${t(tx('Prüfung nicht bestanden, Befunde, Datensatz nicht gefunden', 'a check failed, findings, record not found'))}
  2  ${t(tx('ungültige Eingabe oder Aufruf', 'invalid input or usage'))}
  3  ${t(tx('Registry oder Netz nicht erreichbar oder fehlerhaft', 'registry or network unreachable or failing'))}
  130 ${t(tx('mit Strg-C abgebrochen', 'interrupted with Ctrl-C'))}
`,
    );

  const common = (cmd: Command) => cmd.helpOption('-h, --help', t(tx('Hilfe anzeigen', 'show help'))).addOption(langOption());
  const option = (o: OptionSpec) => {
    const built = new Option(o.flags, t(o.text));
    if (o.choices) built.choices(o.choices);
    if (o.default !== undefined) built.default(o.default);
    if (o.env !== undefined) built.env(o.env);
    if (o.mandatory) built.makeOptionMandatory();
    if (o.parse) built.argParser(o.parse);
    return built;
  };
  const argument = (a: ArgumentSpec) => {
    const built = new Argument(a.name, t(a.text));
    if (a.choices) built.choices(a.choices);
    if (a.default !== undefined) built.default(a.default);
    return built;
  };
  const add = (parent: Command, spec: CommandSpec, shared: readonly OptionSpec[]) => {
    const cmd = common(parent.command(spec.name).description(t(spec.description)));
    for (const a of spec.args) cmd.addArgument(argument(a));
    for (const o of [...shared, ...spec.options]) cmd.addOption(option(o));
    cmd.addHelpText('after', example(...spec.examples));
    cmd.action(async (...params: unknown[]) => setExit(await spec.run(ctx, params.slice(0, spec.args.length) as string[], params[spec.args.length] as never)));
  };
  for (const spec of commands) {
    if ('commands' in spec) {
      const group = common(program.command(spec.name).description(t(spec.description)));
      for (const sub of spec.commands) add(group, sub, spec.shared ?? []);
    } else {
      add(program, spec, []);
    }
  }
  return program;
}

/** `Zeile 3, Spalte 7 / line 3, column 7` from an error's `line`/`column` or `location`, if any. */
function locationOf(error: unknown): string | undefined {
  const e = error as { line?: unknown; column?: unknown; location?: { line?: unknown; column?: unknown } };
  const line = typeof e.line === 'number' ? e.line : e.location?.line;
  const column = typeof e.column === 'number' ? e.column : e.location?.column;
  if (typeof line !== 'number' || line <= 0) return undefined;
  return typeof column === 'number' && column > 0
    ? `Zeile ${line}, Spalte ${column} / line ${line}, column ${column}`
    : `Zeile ${line} / line ${line}`;
}

/** Maps any error to its message and exit code (typed errors of every foederal package by brand). */
export function classify(error: unknown): { message: string; exitCode: number } {
  if (CliError.isInstance(error)) return { message: error.message, exitCode: error.exitCode };
  const e = error as { code?: unknown; message?: unknown; name?: unknown; status?: unknown } | null;
  const branded = typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[Symbol.for('foederal.error')] === true;
  const messageText = typeof e?.message === 'string' ? e.message : String(error);
  if (branded) {
    const code = typeof e.code === 'string' ? e.code : '';
    const where = locationOf(error);
    const message = where && !/Zeile \d|line \d/.test(messageText) ? `${messageText} (${where})` : messageText;
    if (code === 'aborted') return { message: 'Abgebrochen / aborted', exitCode: exitCodes.interrupted };
    if (e.name === 'PublicationError') {
      if (code === 'not-found' || code === 'gone') return { message, exitCode: exitCodes.failed };
      if (code === 'invalid-input' || code === 'validation-failed') return { message, exitCode: exitCodes.invalid };
      return { message, exitCode: exitCodes.unavailable };
    }
    return { message, exitCode: exitCodes.invalid };
  }
  if ((e as { name?: unknown } | null)?.name === 'AbortError') return { message: 'Abgebrochen / aborted', exitCode: exitCodes.interrupted };
  return { message: `Interner Fehler / internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exitCode: 70 };
}

/**
 * Runs the `foederal` command with `argv` (without `node` and the script) and resolves to the
 * exit code; messages go to `io.stderr`, results to `io.stdout`.
 *
 * @example
 * ```ts
 * import { run } from '@foederal/cli';
 * process.exitCode = await run(['chair', 'it-planungsrat', '2027-05-01', '--json']);
 * ```
 */
export async function run(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const lang = argvLang(argv, io.env);
  let exitCode: number = exitCodes.ok;
  const program = createProgram(io, lang, (code) => {
    exitCode = code;
  });
  const quiet = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(translateError(s, lang)),
    });
    cmd.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.ok;
      // a group command without subcommand shows its help on stderr with exit code 1: a usage error
      if (error.code === 'commander.help' && error.exitCode === 0) return exitCodes.ok;
      return exitCodes.invalid;
    }
    const { message, exitCode: code } = classify(error);
    io.stderr.write(`${message}\n`);
    if (code === exitCodes.failed || code === exitCodes.invalid) {
      const issues = (error as { issues?: unknown }).issues;
      if (Array.isArray(issues)) printIssues(io, issues);
    }
    return code;
  }
}

function printIssues(io: CliIo, issues: readonly unknown[]): void {
  for (const issue of issues.slice(0, 50)) {
    const i = issue as { line?: unknown; column?: unknown; message?: unknown; path?: unknown };
    if (typeof i.line === 'number' && i.line > 0) io.stderr.write(`  ${i.line}:${String(i.column ?? 0)} ${String(i.message ?? '')}\n`);
    else if (typeof i.message === 'string') io.stderr.write(`  ${Array.isArray(i.path) ? i.path.join('.') + ': ' : typeof i.path === 'string' ? i.path + ': ' : ''}${i.message}\n`);
  }
  if (issues.length > 50) io.stderr.write(`  … +${issues.length - 50}\n`);
}

/** The process streams, with an AbortSignal that Ctrl-C (SIGINT) and SIGTERM abort. */
export function defaultIo(signal: AbortSignal = new AbortController().signal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal };
}

export { type CommandContext };
