import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requirement, sharedDir } from '@foederal/test-utils';
import { describe, expect, it } from 'vitest';
import { chairFor } from './chair.js';
import { MembershipError } from './errors.js';
import { evaluateDecision } from './evaluate.js';
import { decisionResultSchema } from './scenario.js';

const dir = join(sharedDir, 'scenarios', 'decisions');
const memberCodes = new Set([
  'unknown-member',
  'duplicate-member',
  'ballot-from-absent-member',
  'ballot-from-non-voting-member',
  'unknown-option',
  'voting-level-not-allowed',
  'too-many-voting-seats',
  'ballots-in-written-procedure',
  'objections-in-meeting',
]);
const req = requirement(`decision scenarios (${dir})`, existsSync(dir), 'check out ../shared beside the repository');
const files = req.available ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

function scenarioSuite(title: string, folder: string, files: string[], minimum: number): void {
  describe(title, () => {
    it('finds the scenario files', () => {
      expect(files.length).toBeGreaterThanOrEqual(minimum);
    });

    for (const file of files) {
      const scenario = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
        rules: string;
        date: string;
        expect: { result?: string; quorate?: boolean; error?: boolean; chair?: string };
      };
      it(file, () => {
        if (scenario.expect.chair !== undefined) {
          expect(chairFor({ rules: scenario.rules, date: scenario.date })).toBe(scenario.expect.chair);
        } else if (scenario.expect.error) {
          let caught: unknown;
          try {
            evaluateDecision(scenario);
          } catch (error) {
            caught = error;
          }
          expect(MembershipError.isInstance(caught)).toBe(true);
          const error = caught as MembershipError;
          // errors about a member name it; others (e.g. an unknown preset) point to the field
          if (memberCodes.has(error.code)) expect(error.memberId).toEqual(expect.any(String));
          else expect(error.path.length).toBeGreaterThan(0);
        } else {
          const result = evaluateDecision(scenario);
          expect(decisionResultSchema.parse(result)).toEqual(result);
          expect({ result: result.result, quorate: result.quorate }).toEqual({
            result: scenario.expect.result,
            quorate: scenario.expect.quorate,
          });
        }
      });
    }
  });
}

describe.skipIf(!req.available)('shared scenarios', () => {
  scenarioSuite('shared decision and chair scenarios', dir, files, 30);
});

const ownDir = fileURLToPath(new URL('../test/scenarios/', import.meta.url));
scenarioSuite(
  'own decision and chair scenarios (test/scenarios)',
  ownDir,
  readdirSync(ownDir).filter((f) => f.endsWith('.json')).sort(),
  20,
);
