import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '../i18n.js';

/** A German table and its English counterpart, as the tests see them. */
export interface LoadedTables {
  readonly name: string;
  readonly de: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

/** Every string table of the app: the frame's (`i18n.ts`) and each module of `src/web/strings/`. */
export async function loadTables(): Promise<LoadedTables[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'tables.ts');
  const modules = await Promise.all(names.map(async (f) => ({ name: f, module: (await import(/* @vite-ignore */ new URL(f, import.meta.url).href)) as Partial<LoadedTables> })));
  const tables: LoadedTables[] = [{ name: 'i18n.ts', de: core.de, en: core.en }];
  for (const { name, module } of modules) {
    if (!module.de || !module.en) throw new Error(`${name} exports no de/en tables`);
    tables.push({ name, de: module.de, en: module.en });
  }
  return tables;
}

/** The `{name}` placeholders of a text, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
