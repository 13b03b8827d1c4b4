import { auditSemantics } from './audit.js';
import { IdsError } from './errors.js';
import type { IdsIssue } from './errors.js';
import type { IdsDocument } from './model.js';
import { IssueSink, readIdsStructure } from './structure.js';
import { parseXml } from './xml.js';
import type { XmlLimits } from './xml.js';

/**
 * Options of {@link parseIds} and {@link auditIds}.
 *
 * @example
 * parseIds(xml, { limits: { maxBytes: 4 * 1024 * 1024 } });
 */
export interface ParseIdsOptions {
  /** Limits for the XML parser (size, depth, nodes, attribute and text length). */
  readonly limits?: Partial<XmlLimits>;
}

/**
 * Result of {@link auditIds}.
 *
 * @example
 * const { valid, issues, document } = auditIds(xml);
 */
export interface IdsAudit {
  /** True when no issue has severity `error`. */
  readonly valid: boolean;
  /** Every finding, errors and warnings, in document order. */
  readonly issues: readonly IdsIssue[];
  /** The typed document (present also when invalid, as far as it could be read). */
  readonly document: IdsDocument;
}

/**
 * Audit an IDS document: safe XML parsing, the structure of `ids.xsd` and the semantic rules of
 * IDS 1.0 (entity, attribute and data type names of the named IFC versions, value formats, patterns
 * only on text, cardinalities). Malformed or hostile XML still throws an {@link IdsError}.
 *
 * @example
 * const audit = auditIds(readFileSync('requirements.ids'));
 * for (const issue of audit.issues) console.log(issue.line, issue.message);
 */
export function auditIds(xml: string | Uint8Array, options: ParseIdsOptions = {}): IdsAudit {
  const root = parseXml(xml, options.limits);
  const sink = new IssueSink();
  const document = readIdsStructure(root, sink);
  if (!sink.issues.some((i) => i.severity === 'error')) auditSemantics(document, sink);
  const issues = [...sink.issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { valid: !issues.some((i) => i.severity === 'error'), issues, document };
}

/**
 * Parse and audit an IDS 1.0 document into typed specifications. Throws an {@link IdsError} with
 * code `ids-invalid` and the list of `issues` (line and reason each) when the document does not
 * conform, and `xml-*` codes for malformed or hostile XML.
 *
 * @example
 * const ids = parseIds(readFileSync('requirements.ids'));
 * console.log(ids.specifications.map((s) => s.name));
 */
export function parseIds(xml: string | Uint8Array, options: ParseIdsOptions = {}): IdsDocument {
  const audit = auditIds(xml, options);
  if (!audit.valid) {
    const errors = audit.issues.filter((i) => i.severity === 'error');
    const first = errors[0] as IdsIssue;
    throw new IdsError(
      'ids-invalid',
      `IDS ungültig (${errors.length} Fehler), zuerst Zeile ${first.line}: ${first.message} / IDS invalid (${errors.length} errors), first at line ${first.line}`,
      { line: first.line, column: first.column, issues: errors },
    );
  }
  return audit.document;
}
