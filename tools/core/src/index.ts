// The shared shapes of every foederal package: the one error shape (ADR 0120) and the one name
// for language and bilingual text (ADR 0122). This private package is bundled into each
// published package by its build (tsup bundles it into code and declarations), so the published
// packages keep depending on nothing of ours at run time. It has no side effects and no
// dependencies; the zod schema of a text lives in `@foederal/core/text-schema`.
export { bilingual, knownLocation, type ErrorLocation, type ErrorMessages } from './errors.js';
export { readChunks, type ChunkProblem } from './chunks.js';
export { formatDate, formatNumber, intlLocale, isLanguage, languageOf, languages, textOf, type Language, type LocalizedText } from './text.js';
