import { validate, type RecordKind, type RecordOf } from '@foederal/recommendations';
import { AppError } from '../errors.js';

/**
 * Validate a record with the schemas of `@foederal/recommendations`; invalid input becomes an
 * `AppError('validation')` (422) that lists every problem with its JSON path in German and English.
 */
export function check<K extends RecordKind>(kind: K, value: unknown, prefix = '$.body'): RecordOf<K> {
  const result = validate(kind, value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: prefix + i.jsonPath.slice(1), message: `${i.de} / ${i.en}` }));
  throw new AppError('validation', `Ungültige Angaben / invalid input: ${errors[0]?.path ?? ''}: ${errors[0]?.message ?? ''}`, {
    details: { errors },
  });
}
