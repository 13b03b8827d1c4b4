import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// ADR 0170: pages (`src/web`) and API handlers (`src/api`) reach the data only through the
// functions of `src/domain/` (and the account functions of `src/auth/`). They may hand the
// repository on (`listVotes(ctx.repo, …)`), but never touch one of its members.

const root = fileURLToPath(new URL('.', import.meta.url));

/** One place where a page or handler reaches into the repository. */
interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** `repo`, `tx`, or any `….repo`: an expression that is the repository. */
function isRepository(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isRepository(node.expression);
  if (ts.isIdentifier(node)) return node.text === 'repo' || node.text === 'tx';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'repo';
}

/**
 * Every use of the repository's members in one source file: `ctx.repo.votes`, `repo.files`,
 * `tx.recommendations`, `ctx.repo['votes']`, `const { votes } = ctx.repo`, an alias
 * (`const r = ctx.repo`), and value imports of the db layer (type imports are fine).
 */
export function repositoryAccess(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node) => {
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf).slice(0, 120) });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isRepository(node.expression)) report(node);
    else if (ts.isVariableDeclaration(node) && node.initializer && isRepository(node.initializer)) {
      if (!ts.isIdentifier(node.name) || node.name.text !== 'repo') report(node);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /(^|\/)db\//.test(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      const typeOnly = clause?.isTypeOnly === true || (clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/**
 * The same rule by type, whatever the names: every member access on a value whose type is the
 * `Repository` of `src/db/repository.ts` (or one of its stores), in `files`, with the app's
 * compiler options. `extra` adds files that exist only in memory (the rule's own check).
 */
export function typedRepositoryAccess(files: readonly string[], extra: Readonly<Record<string, string>> = {}): Finding[] {
  const configPath = join(root, '..', 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath));
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (name in extra ? ts.createSourceFile(name, extra[name]!, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in extra || fileExists(name);
  const program = ts.createProgram({ rootNames: [...files, ...Object.keys(extra)], options, host });
  const checker = program.getTypeChecker();
  const repositoryFile = join(root, 'db', 'repository.ts');
  const isRepositoryType = (type: ts.Type): boolean => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declared = symbol?.declarations?.some((d) => d.getSourceFile().fileName === repositoryFile) ?? false;
    return declared && ['Repository', 'DocumentStore', 'KyselyRepository'].includes(symbol!.getName());
  };
  const findings: Finding[] = [];
  for (const file of [...files, ...Object.keys(extra)]) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in the program: ${file}`);
    const report = (node: ts.Node) => {
      findings.push({ file: relative(root, file), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf).slice(0, 120) });
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isRepositoryType(checker.getTypeAtLocation(node.expression))) report(node);
      else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isRepositoryType(checker.getTypeAtLocation(node.initializer))) report(node);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return findings;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('data access goes through src/domain (ADR 0170)', () => {
  it('finds a page that calls a store, an alias, a destructured store and a value import of the db layer', () => {
    const page = `
import { openRepository } from '../../db/repository.js';
import type { Versioned } from '../../db/repository.js';
export function pages(ctx, routes) {
  routes.get('/x', 'public', async () => {
    const votes = await ctx.repo.votes.list();
    const { recommendations } = ctx.repo;
    const r = ctx.repo;
    await ctx.repo.transaction(async (tx) => tx.models.get('m'));
    return ctx.repo['pilots'];
  });
  routes.get('/y', 'public', async () => listVotes(ctx.repo, { page: 2 }));
}`;
    const found = repositoryAccess('pages/x.ts', page).map((f) => f.text);
    expect(found).toEqual([
      "import { openRepository } from '../../db/repository.js';",
      'ctx.repo.votes',
      '{ recommendations } = ctx.repo',
      'r = ctx.repo',
      'ctx.repo.transaction',
      'tx.models',
      "ctx.repo['pilots']",
    ]);
  });

  it('leaves handing the repository to a domain function alone', () => {
    const handler = "const { repo } = ctx;\nexport const h = async () => getVote(repo, 'x') ?? listVotes(ctx.repo, {});";
    expect(repositoryAccess('api/h.ts', handler)).toEqual([]);
  });

  it('finds the repository by its type under any name: a renamed parameter, a field, a store handed on', () => {
    const probe = join(root, 'web', 'pages', 'architecture-probe.ts');
    const page = `
import type { AppContext } from '../../context.js';
import type { Repository } from '../../db/repository.js';
import { listVotes } from '../../domain/votes.js';
export async function page(ctx: AppContext, store: Repository) {
  const data = { db: ctx.repo };
  await store.votes.list({});
  await data.db.models.get('m');
  const pilots = store.pilots;
  const { recommendations } = store;
  await pilots.get('p');
  return [recommendations, await listVotes(store, {})];
}`;
    const found = typedRepositoryAccess([], { [probe]: page }).map((f) => f.text);
    expect(found).toEqual(['store.votes.list', 'store.votes', 'data.db.models.get', 'data.db.models', 'store.pilots', '{ recommendations } = store', 'pilots.get']);
  }, 120_000);

  it('holds for every page, the routing and every API handler', () => {
    const files = [...sourcesUnder(join(root, 'web')), ...sourcesUnder(join(root, 'api'))];
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((file) => repositoryAccess(relative(root, file), readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('holds by type for every page, the routing and every API handler', () => {
    const files = [...sourcesUnder(join(root, 'web')), ...sourcesUnder(join(root, 'api'))];
    expect(typedRepositoryAccess(files).map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  }, 120_000);
});
