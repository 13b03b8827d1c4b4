import type { Language } from '@foederal/core';

/** Language of the messages and explanations: German (default) or English. */
export type { Language };

/**
 * The language from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, then `LANGUAGE`): German for a
 * German locale and when no locale is set (`C`, `POSIX`), English for every other language.
 *
 * @example
 * ```ts
 * localeLang({ LANG: 'en_GB.UTF-8' }); // 'en'
 * ```
 */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Language {
  const raw = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG'], env['LANGUAGE']?.split(':')[0]].find((v) => v !== undefined && v !== '') ?? '';
  const language = raw.split(/[_.@-]/)[0]?.toLowerCase() ?? '';
  if (language === '' || language === 'c' || language === 'posix' || language === 'de') return 'de';
  return 'en';
}

/** `--lang` from the arguments (anywhere, `--lang en` or `--lang=en`), else the locale's. */
export function argvLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Language {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'de' || v === 'en') return v;
  }
  return localeLang(env);
}

export { textOf } from '@foederal/core';
