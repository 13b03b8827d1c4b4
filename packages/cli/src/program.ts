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

/**
 * The `foederal` program (commander), with help in `lang`. Every action imports its command
 * module only when it runs, so `--version` and `--help` load nothing heavy.
 */
export function createProgram(io: CliIo, lang: Language, setExit: (code: number) => void): Command {
  const t = (texts: Texts) => texts[lang];
  const ctx: CommandContext = createContext(io, lang);
  const example = (...lines: string[]) => `\n${t(tx('Beispiele:', 'Examples:'))}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
  const langOption = () =>
    new Option('--lang <lang>', t(tx('Sprache der Ausgabe (Standard: aus dem Locale)', 'language of the output (default: from the locale)'))).choices(['de', 'en']);
  const run = (load: () => Promise<number>) => async () => setExit(await load());

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

  // ---------------------------------------------------------------- ifc
  const ifc = common(program.command('ifc').description(t(tx('IFC-Modelle (ISO 10303-21) lesen', 'read IFC models (ISO 10303-21)'))));
  common(
    ifc
      .command('summary')
      .description(
        t(
          tx(
            'Schema, Entitäten, Geschosse, Räume und DIN-277-Flächen eines Modells (.ifc oder .ifczip; - liest von der Standardeingabe)',
            'schema, entities, storeys, spaces and DIN 277 areas of a model (.ifc or .ifczip; - reads standard input)',
          ),
        ),
      )
      .argument('<model>', t(tx('IFC-Datei, .ifczip oder -', 'IFC file, .ifczip or -'))),
  )
    .option('--json', t(tx('JSON auf die Standardausgabe', 'JSON on standard output')))
    .addHelpText('after', example('foederal ifc summary schule.ifc', 'foederal ifc summary modell.ifczip --json > zusammenfassung.json', 'cat schule.ifc | foederal ifc summary -'))
    .action(async (model: string, opts: { json?: boolean }) =>
      run(async () => (await import('./commands/ifc-summary.js')).ifcSummary(ctx, model, opts))(),
    );

  // ---------------------------------------------------------------- ids
  const ids = common(program.command('ids').description(t(tx('buildingSMART IDS 1.0: prüfen und auditieren', 'buildingSMART IDS 1.0: check and audit'))));
  common(
    ids
      .command('check')
      .description(
        t(
          tx(
            'ein IFC-Modell gegen eine IDS-Datei prüfen; Exit-Code 0 alle bestanden, 1 eine nicht bestanden, 2 ungültige Eingabe',
            'check an IFC model against an IDS file; exit code 0 all pass, 1 one fails, 2 invalid input',
          ),
        ),
      )
      .argument('<spec>', t(tx('IDS-Datei oder -', 'IDS file or -')))
      .argument('<model>', t(tx('IFC-Datei, .ifczip oder -', 'IFC file, .ifczip or -'))),
  )
    .addOption(new Option('-f, --format <format>', t(tx('Berichtsformat', 'report format'))).choices(['text', 'json', 'html', 'bcf']).default('text'))
    .option('-o, --output <file>', t(tx('Bericht in diese Datei schreiben', 'write the report to this file')))
    .option('--max-failures <n>', t(tx('höchstens so viele fehlschlagende Entitäten je Anforderung im Bericht', 'at most this many failing entities per requirement in the report')), positiveInt)
    .addHelpText(
      'after',
      example(
        'foederal ids check anforderungen.ids schule.ifc',
        'foederal ids check anforderungen.ids schule.ifc --format html --output bericht.html --lang en',
        'foederal ids check anforderungen.ids schule.ifc --format bcf --output abweichungen.bcf',
      ),
    )
    .action(async (spec: string, model: string, opts: { format: 'text' | 'json' | 'html' | 'bcf'; output?: string; maxFailures?: number }) =>
      run(async () => (await import('./commands/ids-check.js')).idsCheck(ctx, spec, model, opts))(),
    );
  common(
    ids
      .command('audit')
      .description(
        t(
          tx(
            'eine IDS-Datei auditieren: jeder Befund mit Zeile, Spalte und Regel; Exit-Code 1 bei Fehlern',
            'audit an IDS file: every finding with line, column and rule; exit code 1 on errors',
          ),
        ),
      )
      .argument('<spec>', t(tx('IDS-Datei oder -', 'IDS file or -'))),
  )
    .option('--json', t(tx('Befunde als JSON', 'findings as JSON')))
    .addHelpText('after', example('foederal ids audit anforderungen.ids', 'foederal ids audit anforderungen.ids --json'))
    .action(async (spec: string, opts: { json?: boolean }) => run(async () => (await import('./commands/ids-audit.js')).idsAudit(ctx, spec, opts))());

  // ---------------------------------------------------------------- vote, chair, costs
  common(
    program
      .command('vote')
      .description(
        t(
          tx(
            'eine Abstimmung nach der Geschäftsordnung entscheiden und erklären (Szenario-JSON wie in @foederal/membership)',
            'decide and explain a vote under the rules of procedure (scenario JSON as in @foederal/membership)',
          ),
        ),
      )
      .argument('<scenario>', t(tx('Szenario-JSON oder -', 'scenario JSON or -'))),
  )
    .option('--json', t(tx('Ergebnis als JSON', 'result as JSON')))
    .addHelpText('after', example('foederal vote sitzung-2027-02-10.json', 'foederal vote sitzung-2027-02-10.json --lang en --json'))
    .action(async (scenario: string, opts: { json?: boolean }) => run(async () => (await import('./commands/vote.js')).vote(ctx, scenario, opts))());

  common(
    program
      .command('chair')
      .description(t(tx('wer an einem Tag den Vorsitz hat, mit Erklärung der Rotation', 'who holds the chair on a date, with the rotation explained')))
      .argument('<preset>', t(tx('Vorlage (it-planungsrat, bauministerkonferenz, amev-style-working-group) oder Regeln als JSON-Datei', 'preset (it-planungsrat, bauministerkonferenz, amev-style-working-group) or rules as a JSON file')))
      .argument('<date>', t(tx('Datum JJJJ-MM-TT', 'date YYYY-MM-DD'))),
  )
    .option('--json', t(tx('Ergebnis als JSON', 'result as JSON')))
    .addHelpText('after', example('foederal chair it-planungsrat 2027-05-01', 'foederal chair amev-style-working-group 2028-03-01 --lang en'))
    .action(async (preset: string, date: string, opts: { json?: boolean }) => run(async () => (await import('./commands/chair.js')).chair(ctx, preset, date, opts))());

  common(
    program
      .command('costs')
      .description(
        t(
          tx(
            'die Kosten eines gemeinsamen Vorhabens aufteilen und jeden Anteil erklären (JointProject-JSON der Registry)',
            'split the costs of a joint project and explain every share (the registry JointProject JSON)',
          ),
        ),
      )
      .argument('<project>', t(tx('Vorhaben-JSON oder -', 'project JSON or -'))),
  )
    .option('--rules <file>', t(tx('eigene Geschäftsordnung (JSON) statt einer Vorlage', 'own rules of procedure (JSON) instead of a preset')))
    .option('--json', t(tx('Ergebnis als JSON', 'result as JSON')))
    .addHelpText('after', example('foederal costs gebaeudedatenportal.json', 'foederal costs vorhaben.json --rules geschaeftsordnung.json --json'))
    .action(async (project: string, opts: { json?: boolean; rules?: string }) => run(async () => (await import('./commands/costs.js')).costs(ctx, project, opts))());

  // ---------------------------------------------------------------- publiccode, operation
  const publiccode = common(program.command('publiccode').description(t(tx('publiccode.yml (openCode) prüfen', 'check publiccode.yml (openCode)'))));
  common(
    publiccode
      .command('validate')
      .description(
        t(
          tx(
            'eine publiccode.yml parsen und prüfen; das Netz (Adressen, Erreichbarkeit) nur mit --network; Exit-Code 1 wenn ungültig',
            'parse and validate a publiccode.yml; the network (URLs, reachability) only with --network; exit code 1 when invalid',
          ),
        ),
      )
      .argument('<file>', t(tx('Datei, - oder (mit --network) https-Adresse', 'file, - or (with --network) https URL'))),
  )
    .option('--network', t(tx('Netzprüfungen erlauben und Adressen laden', 'allow network checks and fetch URLs')))
    .option('--timeout <ms>', t(tx('Zeitlimit je Anfrage in ms', 'timeout per request in ms')), positiveInt)
    .option('--json', t(tx('Ergebnis als JSON', 'result as JSON')))
    .addHelpText(
      'after',
      example('foederal publiccode validate publiccode.yml', 'foederal publiccode validate https://gitlab.opencode.de/foederal/foederal/-/raw/main/publiccode.yml --network'),
    )
    .action(async (file: string, opts: { network?: boolean; json?: boolean; timeout?: number }) =>
      run(async () => (await import('./commands/publiccode.js')).publiccodeValidate(ctx, file, opts))(),
    );

  const operation = common(program.command('operation').description(t(tx('Gebäudebetrieb: Technisches Monitoring', 'building operation: technical monitoring'))));
  common(
    operation
      .command('check')
      .description(
        t(
          tx(
            'Trenddaten mit den Regeln des Technischen Monitorings prüfen; Befunde als Tabelle, JSON oder CSV; Exit-Code 1 bei Befunden',
            'check trend data with the technical monitoring rules; findings as a table, JSON or CSV; exit code 1 on findings',
          ),
        ),
      )
      .argument('<ede>', t(tx('EDE-Datenpunktliste (CSV) oder -', 'EDE data point list (CSV) or -')))
      .argument('<trends>', t(tx('Trendexport (CSV) oder -', 'trend export (CSV) or -'))),
  )
    .option('--schedule <file>', t(tx('Nutzungszeiten und Land als JSON (ohne: Regel Betrieb außerhalb der Nutzungszeit entfällt)', 'usage times and Land as JSON (without: the outside-schedule rule is skipped)')))
    .option('--step <minutes>', t(tx('Raster in Minuten (Standard: Median der Abtastung)', 'grid in minutes (default: median sampling interval)')), positiveInt)
    .option('--json', t(tx('Befunde als JSON', 'findings as JSON')))
    .option('--csv', t(tx('Befunde als CSV (Semikolon)', 'findings as CSV (semicolon)')))
    .addHelpText('after', example('foederal operation check ede.csv trends.csv', 'foederal operation check ede.csv trends.csv --schedule nutzungszeiten.json --csv > befunde.csv'))
    .action(async (ede: string, trends: string, opts: { json?: boolean; csv?: boolean; schedule?: string; step?: number }) =>
      run(async () => (await import('./commands/operation.js')).operationCheck(ctx, ede, trends, opts))(),
    );

  // ---------------------------------------------------------------- registry
  const registry = common(
    program
      .command('registry')
      .description(
        t(
          tx(
            'eine laufende Registry abfragen (Token aus FOEDERAL_TOKEN)',
            'query a running registry (token from FOEDERAL_TOKEN)',
          ),
        ),
      ),
  );
  const registryOptions = (cmd: Command) =>
    common(cmd)
      .addOption(new Option('--url <url>', t(tx('Adresse der Registry', 'address of the registry'))).env('FOEDERAL_URL').makeOptionMandatory())
      .option('--timeout <ms>', t(tx('Zeitlimit je Anfrage in ms', 'timeout per request in ms')), positiveInt);
  const kinds = ['recommendations', 'consultations', 'pilots', 'decisions', 'joint-projects'];
  registryOptions(
    registry
      .command('list')
      .description(t(tx('Datensätze auflisten (alle Seiten)', 'list records (all pages)')))
      .addArgument(new Argument('[kind]', t(tx('Art', 'kind'))).choices(kinds).default('recommendations')),
  )
    .option('--json', t(tx('als JSON-Array', 'as a JSON array')))
    .addHelpText('after', example('foederal registry list --url https://registry.example.org', 'FOEDERAL_URL=http://localhost:3000 foederal registry list pilots --json'))
    .action(async (kind: string, opts: RegistryCliOptions) => run(async () => (await import('./commands/registry.js')).registryList(ctx, kind, opts))());
  registryOptions(
    registry
      .command('get')
      .description(t(tx('einen Datensatz als JSON holen', 'fetch one record as JSON')))
      .addArgument(new Argument('<kind>', t(tx('Art', 'kind'))).choices(kinds))
      .argument('<id>', t(tx('Kennung (Beschlüsse: JJJJ/Nummer)', 'identifier (decisions: YYYY/number)'))),
  )
    .addHelpText('after', example('foederal registry get recommendations gebaeudedaten-2027 --url http://localhost:3000'))
    .action(async (kind: string, id: string, opts: RegistryCliOptions) => run(async () => (await import('./commands/registry.js')).registryGet(ctx, kind, id, opts))());
  registryOptions(
    registry
      .command('export')
      .description(
        t(
          tx(
            'den Katalog als DCAT-AP.de (Turtle oder JSON-LD) oder als Katalog-JSON schreiben',
            'write the catalogue as DCAT-AP.de (Turtle or JSON-LD) or as catalogue JSON',
          ),
        ),
      ),
  )
    .addOption(new Option('-f, --format <format>', t(tx('Format', 'format'))).choices(['turtle', 'jsonld', 'json']).default('turtle'))
    .option('-o, --output <file>', t(tx('in diese Datei schreiben', 'write to this file')))
    .option('--header <file>', t(tx('Katalogkopf (Titel, Herausgeber …) als JSON', 'catalogue header (title, publisher …) as JSON')))
    .addHelpText('after', example('foederal registry export --url http://localhost:3000 --output katalog.ttl', 'foederal registry export --format jsonld --header katalogkopf.json'))
    .action(async (opts: RegistryCliOptions & { format: 'turtle' | 'jsonld' | 'json'; output?: string; header?: string }) =>
      run(async () => (await import('./commands/registry.js')).registryExport(ctx, opts))(),
    );

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
