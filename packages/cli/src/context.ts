import { writeFile } from 'node:fs/promises';
import { CliError } from './errors.js';
import { colorEnabled, painter, type CliIo, type Paint } from './io.js';
import type { Language } from './lang.js';

/** What every command gets: the streams, the language and painters for both streams. */
export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Language;
  /** Styles for standard output (plain unless it is a colour terminal and NO_COLOR is unset). */
  readonly paint: Paint;
  /** Styles for standard error. */
  readonly paintErr: Paint;
  /** Writes machine or result output to standard output. */
  out(text: string | Uint8Array): void;
  /** Writes a message to standard error, with a line break. */
  say(text: string): void;
  /** German or English, by the language. */
  t(de: string, en: string): string;
}

/** Builds the context for `io` and `lang`. */
export function createContext(io: CliIo, lang: Language): CommandContext {
  return {
    io,
    lang,
    paint: painter(colorEnabled(io.stdout, io.env)),
    paintErr: painter(colorEnabled(io.stderr, io.env)),
    out: (text) => void io.stdout.write(text),
    say: (text) => void io.stderr.write(`${text}\n`),
    t: (de, en) => (lang === 'en' ? en : de),
  };
}

/** Writes `data` to `--output` (a file, `-` for standard output) or standard output. */
export async function writeResult(ctx: CommandContext, data: string | Uint8Array, output: string | undefined): Promise<void> {
  if (output === undefined || output === '-') {
    ctx.out(data);
    return;
  }
  try {
    await writeFile(output, data, { signal: ctx.io.signal });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e?.name === 'AbortError') throw new CliError('aborted', 'Abgebrochen / aborted', { cause: error });
    throw new CliError('io', `Datei nicht schreibbar / cannot write file ${output}: ${e?.message ?? String(error)}`, { cause: error });
  }
  ctx.say(ctx.t(`Geschrieben: ${output}`, `Written: ${output}`));
}
