import { BuildingDataError } from '@foederal/building-data';
import { PublicationError } from '@foederal/publication';
import { RecommendationsError } from '@foederal/recommendations';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { toProblem } from './problem.js';

describe('AppError identity', () => {
  it('accepts its own errors', () => {
    expect(AppError.isInstance(new AppError('not-found', 'x / x'))).toBe(true);
  });

  it('refuses the branded errors of the packages, even those that carry a status', () => {
    const publication = new PublicationError('not-found', 'x / x', { status: 404 });
    expect(AppError.isInstance(publication)).toBe(false);
    expect(AppError.isInstance(new BuildingDataError('invalid-input', 'x / x'))).toBe(false);
    expect(AppError.isInstance(new RecommendationsError('invalid-input', { de: 'x', en: 'x' }))).toBe(false);
  });

  it('turns a package error that escaped into a 500 without internals, not into a wrong 4xx', () => {
    const problem = toProblem(new PublicationError('not-found', 'geheime Tabelle / secret table', { status: 404 }), '/x');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret table');
  });
});
