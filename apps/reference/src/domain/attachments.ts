import { AppError } from '../errors.js';

/** How a stored file of one media type is recognised and served. */
interface FileType {
  /** File name extension for downloads. */
  readonly extension: string;
  /** True when the bytes really are of this type (magic numbers, text without NUL). */
  readonly sniff: (bytes: Uint8Array) => boolean;
  /** Shown in the browser instead of downloaded (only raster images whose bytes match). */
  readonly inline: boolean;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);

/** UTF-8 text without NUL bytes (CSV, Markdown, plain text). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** XML: text whose first non-blank character (after a BOM) is `<`. */
function isXml(bytes: Uint8Array): boolean {
  if (!isText(bytes)) return false;
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<');
}

/** An OpenDocument package: a ZIP whose first entry `mimetype` names `type` (ODF 1.3 part 2, 3.3). */
const odf = (type: string) => (bytes: Uint8Array) => isZip(bytes) && ascii(bytes, 30, 'mimetype') && ascii(bytes, 38, type);

/**
 * The media types a recommendation may carry, and only those: documents (PDF, OpenDocument,
 * Office Open XML, Markdown, CSV, plain text), data requirements (IDS/XML) and raster images.
 * Each is checked against its bytes on upload and again on download.
 */
export const attachmentTypes: Readonly<Record<string, FileType>> = {
  'application/pdf': { extension: 'pdf', sniff: (b) => ascii(b, 0, '%PDF-'), inline: false },
  'application/vnd.oasis.opendocument.text': { extension: 'odt', sniff: odf('application/vnd.oasis.opendocument.text'), inline: false },
  'application/vnd.oasis.opendocument.spreadsheet': { extension: 'ods', sniff: odf('application/vnd.oasis.opendocument.spreadsheet'), inline: false },
  'application/vnd.oasis.opendocument.presentation': { extension: 'odp', sniff: odf('application/vnd.oasis.opendocument.presentation'), inline: false },
  'application/vnd.oasis.opendocument.graphics': { extension: 'odg', sniff: odf('application/vnd.oasis.opendocument.graphics'), inline: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', sniff: isZip, inline: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', sniff: isZip, inline: false },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extension: 'pptx', sniff: isZip, inline: false },
  'application/xml': { extension: 'xml', sniff: isXml, inline: false },
  'text/xml': { extension: 'xml', sniff: isXml, inline: false },
  'application/ids+xml': { extension: 'ids', sniff: isXml, inline: false },
  'text/markdown': { extension: 'md', sniff: isText, inline: false },
  'text/csv': { extension: 'csv', sniff: isText, inline: false },
  'text/plain': { extension: 'txt', sniff: isText, inline: false },
  // SVG is XML that can carry script: accepted as a drawing, but only ever as a download.
  'image/svg+xml': { extension: 'svg', sniff: isXml, inline: false },
  'image/png': { extension: 'png', sniff: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), inline: true },
  'image/jpeg': { extension: 'jpg', sniff: (b) => startsWith(b, 0xff, 0xd8, 0xff), inline: true },
  'image/gif': { extension: 'gif', sniff: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'), inline: true },
  'image/webp': { extension: 'webp', sniff: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), inline: true },
};

/** The essence of a `Content-Type` header: type/subtype in lower case, parameters dropped. */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Check an upload: its declared media type must be on the allow list and its bytes must be of
 * that type. Returns the media type to store; throws `unsupported-media-type` (415) otherwise.
 *
 * @example
 * const mediaType = checkAttachment(c.req.header('content-type'), bytes); // 'application/pdf'
 */
export function checkAttachment(contentType: string | undefined, bytes: Uint8Array): string {
  const type = essence(contentType);
  const known = attachmentTypes[type];
  if (!known) {
    throw new AppError('unsupported-media-type', `Dateityp nicht erlaubt / file type not allowed: ${type || '(none)'}`, {
      details: { allowed: Object.keys(attachmentTypes) },
    });
  }
  if (!known.sniff(bytes)) {
    throw new AppError('unsupported-media-type', `Inhalt passt nicht zum Dateityp / content does not match the file type ${type}`, {
      details: { mediaType: type },
    });
  }
  return type;
}

/** The headers {@link downloadHeaders} sets. */
export interface DownloadHeaders {
  readonly 'Content-Type': string;
  readonly 'Content-Disposition': string;
  readonly 'Content-Security-Policy': string;
  readonly 'X-Content-Type-Options': 'nosniff';
  readonly 'Cross-Origin-Resource-Policy': string;
}

/**
 * Headers for serving a stored file: the stored type only when it is allowed and the bytes still
 * match it (else `application/octet-stream`), `Content-Disposition: attachment` unless it is a
 * matching raster image, and on every download `Content-Security-Policy: sandbox` (no script,
 * no same origin even if a browser renders it) and `X-Content-Type-Options: nosniff`.
 *
 * @example
 * return new Response(bytes, { headers: downloadHeaders('image/svg+xml', bytes, 'plan') });
 */
export function downloadHeaders(storedType: string, bytes: Uint8Array, name: string): DownloadHeaders {
  const type = essence(storedType);
  const known = attachmentTypes[type];
  const matches = known !== undefined && known.sniff(bytes);
  const base = name.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'download';
  const fileName = known && matches && !base.toLowerCase().endsWith(`.${known.extension}`) ? `${base}.${known.extension}` : base;
  const inline = matches && known.inline;
  return {
    'Content-Type': matches ? (type.startsWith('text/') ? `${type}; charset=utf-8` : type) : 'application/octet-stream',
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`,
    'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
}
