import { Help, type Command } from 'commander';
import type { Language } from './lang.js';

// commander writes its headings, extra option information and usage errors in English; in German
// they are translated here (the texts of commander 14, see ADR 0112).
const titles: Readonly<Record<string, string>> = {
  'Usage:': 'Aufruf:',
  'Options:': 'Optionen:',
  'Commands:': 'Befehle:',
  'Arguments:': 'Argumente:',
  'Global Options:': 'Globale Optionen:',
};

const errors: readonly [RegExp, string][] = [
  [/^error: unknown command '(.*?)'/, "Fehler: unbekannter Befehl '$1'"],
  [/^error: unknown option '(.*?)'/, "Fehler: unbekannte Option '$1'"],
  [/^error: missing required argument '(.*?)'/, "Fehler: Argument '$1' fehlt"],
  [/^error: option '(.*?)' argument missing/, "Fehler: Option '$1' braucht einen Wert"],
  [/^error: required option '(.*?)' not specified/, "Fehler: Option '$1' ist erforderlich"],
  [/^error: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./, "Fehler: zu viele Argumente für '$1': erwartet $2, erhalten $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'Fehler: zu viele Argumente: erwartet $1, erhalten $2.'],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\./, "Fehler: Option '$1': Wert '$2' ist ungültig."],
  [/^error: option '(.*?)' value '(.*?)' from env '(.*?)' is invalid\./, "Fehler: Option '$1': Wert '$2' aus der Umgebungsvariablen $3 ist ungültig."],
  [/^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\./, "Fehler: Wert '$1' für das Argument '$2' ist ungültig."],
  [/ Allowed choices are (.*?)\./, ' Erlaubt: $1.'],
  [/\(Did you mean one of (.*?)\?\)/, '(Meinten Sie eines von $1?)'],
  [/\(Did you mean (.*?)\?\)/, '(Meinten Sie $1?)'],
];

/** A commander usage error in the language (English stays as commander wrote it). */
export function translateError(text: string, lang: Language): string {
  if (lang === 'en') return text;
  return errors.reduce((s, [pattern, german]) => s.replace(pattern, german), text);
}

function translateHelp(text: string): string {
  return text
    .replace(/\(choices:(\s)/g, '(Auswahl:$1')
    .replace(/([(,]\s+)default:(\s)/g, '$1Standard:$2')
    .replace(/\(default:(\s)/g, '(Standard:$1')
    .replace(/([(,]\s+)env:(\s)/g, '$1Umgebung:$2')
    .replace(/\(env:(\s)/g, '(Umgebung:$1');
}

/** Localises commander's help headings, option details and error messages on `program` (before subcommands are added, so they inherit it). */
export function localizeCommander(program: Command, lang: Language): void {
  if (lang === 'en') return;
  program.configureHelp({
    styleTitle: (title: string) => titles[title] ?? title,
    formatHelp: (cmd: Command, helper: Help) => translateHelp(Help.prototype.formatHelp.call(helper, cmd, helper)),
  });
}
