import type { CliIo } from './io.js';
import type { Language } from './lang.js';

/** Files from this size on get a progress bar (on a terminal only). */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/** A progress display; all methods do nothing when there is none. */
export interface Progress {
  /** Bytes (or items) done so far, and the total when it became known. */
  update(done: number, total?: number): void;
  /** Removes nothing, ends the line; safe to call twice. */
  stop(): void;
}

const none: Progress = { update() {}, stop() {} };

function mb(bytes: number, lang: Language): string {
  const v = (bytes / 1e6).toFixed(1);
  return `${lang === 'de' ? v.replace('.', ',') : v} MB`;
}

/**
 * A progress bar on standard error with bytes and speed, from `cli-progress` (imported only on a
 * terminal). It appears once the input is known to reach {@link PROGRESS_MIN_BYTES} (the file
 * size, or the bytes read so far from standard input); machine output on standard output is never
 * touched.
 */
export async function byteProgress(io: CliIo, label: string, total: number | undefined, lang: Language): Promise<Progress> {
  if (!io.stderr.isTTY || (total !== undefined && total < PROGRESS_MIN_BYTES)) return none;
  const { SingleBar } = (await import('cli-progress')).default;
  const started = performance.now();
  let bar: InstanceType<typeof SingleBar> | undefined;
  let stopped = false;
  let all = total;
  const payload = (done: number) => {
    const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
    return { done: mb(done, lang), all: all === undefined ? '?' : mb(all, lang), speed: `${mb(done / seconds, lang)}/s` };
  };
  const begin = (done: number) => {
    bar = new SingleBar({
      stream: io.stderr as NodeJS.WritableStream,
      format: all !== undefined ? `${label} [{bar}] {percentage}% | {done} / {all} | {speed}` : `${label} {done} | {speed}`,
      barsize: 30,
      hideCursor: false,
      clearOnComplete: false,
      fps: 10,
    });
    bar.start(all ?? Number.MAX_SAFE_INTEGER, done, payload(done));
  };
  if (total !== undefined) begin(0);
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined && all === undefined && bar === undefined) all = newTotal;
      if (!bar) {
        if ((all ?? done) < PROGRESS_MIN_BYTES) return;
        begin(done);
      }
      bar?.update(done, payload(done));
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}

/** A bar counting items (e.g. specifications checked), same conditions as {@link byteProgress}. */
export async function countProgress(io: CliIo, label: string, total: number, show: boolean): Promise<Progress> {
  if (!io.stderr.isTTY || !show || total < 2) return none;
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: `${label} [{bar}] {value}/{total}`,
    barsize: 30,
    hideCursor: false,
    fps: 10,
  });
  bar.start(total, 0);
  let stopped = false;
  return {
    update(done) {
      if (!stopped) bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
