import { RecommendationsError } from './errors.js';
import { validate, type RecordKind } from './validate.js';

/**
 * Run an exporter. Exporters trust their (typed) input and stay fast; if one fails on input that
 * is not what its type promises, the input is validated to report where the problem is (a
 * `ValidationError` with JSON paths), or, if it is valid, an `export-failed` error is thrown.
 */
export function guardExport<T>(kind: RecordKind, input: unknown, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    if (RecommendationsError.isInstance(cause)) throw cause;
    const checked = validate(kind, input);
    if (!checked.success) throw checked.error;
    throw new RecommendationsError('export-failed', {
      de: `Export fehlgeschlagen (${kind}): ${cause instanceof Error ? cause.message : String(cause)}`,
      en: `export failed (${kind}): ${cause instanceof Error ? cause.message : String(cause)}`,
    }, { cause });
  }
}
