import type { Label } from "../enums/label.ts";

/**
 * Which files may be attached, and how they leave the server again. The type is always the one
 * sniffed from the content: a name or a browser-declared type costs an attacker nothing to fake.
 */

/** 20 MiB: a scanned signed convention or a deliberation with its annexes fits; a video does not. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENT_SIZE_LABEL: Label = { fr: "20 Mo", en: "20 MB" };

const CFB = "application/x-cfb";

/**
 * Allowed types with the extensions a download name may carry for each. SVG is absent on purpose:
 * it is XML that can carry script.
 */
export const DOCUMENT_TYPES = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "application/vnd.oasis.opendocument.graphics": ["odg"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/msword": ["doc"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.ms-powerpoint": ["ppt"],
} as const satisfies Record<string, readonly string[]>;

export type DocumentMimeType = keyof typeof DOCUMENT_TYPES;

export function isDocumentMimeType(mime: string): mime is DocumentMimeType {
  return Object.hasOwn(DOCUMENT_TYPES, mime);
}

/** Names of the main stream of each legacy Office format, as stored (UTF-16LE) in a CFB directory. */
const LEGACY_OFFICE_STREAMS: ReadonlyArray<[string, DocumentMimeType]> = [
  ["WordDocument", "application/msword"],
  ["Workbook", "application/vnd.ms-excel"],
  ["Book", "application/vnd.ms-excel"],
  ["PowerPoint Document", "application/vnd.ms-powerpoint"],
];

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] ?? 0;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    if (needle.every((byte, j) => haystack[i + j] === byte)) return true;
  }
  return false;
}

/** What a file read in pieces has shown of the legacy Office stream names so far. */
export interface LegacyOfficeScan {
  push(piece: Uint8Array): void;
  /** The format of the first stream name (in LEGACY_OFFICE_STREAMS order) seen anywhere in the file. */
  type(): DocumentMimeType | null;
}

/**
 * Finds the stream names across a file streamed in pieces with the same answer as over the whole
 * content: the directory of a CFB file may sit anywhere in it, often at the end, so an upload is
 * scanned as it passes instead of being held in memory. The last bytes of each piece are kept so
 * a name cut between two pieces is still found.
 */
export function legacyOfficeScan(): LegacyOfficeScan {
  const needles = LEGACY_OFFICE_STREAMS.map(([stream, mime]) => [utf16le(stream), mime] as const);
  const keep = Math.max(...needles.map(([needle]) => needle.length)) - 1;
  const found = new Set<DocumentMimeType>();
  let tail = new Uint8Array(0);
  return {
    push(piece) {
      const window = new Uint8Array(tail.length + piece.length);
      window.set(tail);
      window.set(piece, tail.length);
      for (const [needle, mime] of needles) if (!found.has(mime) && contains(window, needle)) found.add(mime);
      tail = window.slice(Math.max(0, window.length - keep));
    },
    type() {
      for (const [, mime] of needles) if (found.has(mime)) return mime;
      return null;
    },
  };
}

/**
 * The stored type of a file, from the type sniffed from its magic bytes and the scan of all its
 * bytes, or null when refused. A CFB container is also what Windows installers (.msi) and Outlook
 * messages are made of, so it is accepted only when it holds a Word, Excel or PowerPoint stream.
 */
export function documentTypeOfScanned(
  sniffedMime: string | undefined,
  scan: LegacyOfficeScan,
): DocumentMimeType | null {
  if (sniffedMime === undefined) return null;
  if (sniffedMime === CFB) return scan.type();
  return isDocumentMimeType(sniffedMime) ? sniffedMime : null;
}

/** `documentTypeOfScanned` for a file held whole. */
export function documentTypeOf(sniffedMime: string | undefined, content: Uint8Array): DocumentMimeType | null {
  const scan = legacyOfficeScan();
  scan.push(content);
  return documentTypeOfScanned(sniffedMime, scan);
}

const MAX_NAME_LENGTH = 180;

/**
 * C0/C1 controls, zero-width marks, bidirectional overrides and isolates, byte-order mark, and
 * lone surrogates (which no header encoding can carry).
 */
function isInvisible(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/**
 * A file name safe to store and to send back: no directory part, no control or bidirectional
 * override characters (a "‮fdp.exe" trick), no quotes, no leading dots; accents are kept.
 */
export function safeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = Array.from(base)
    .filter((char) => !isInvisible(char.codePointAt(0) ?? 0))
    .join("")
    .replace(/["'`]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned || "document";
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return Array.from(cleaned.slice(0, cleaned.length - extension.length))
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join("")
    .concat(extension);
}

/**
 * The stored name: safe, and ending with an extension of the sniffed type, so the file opens in
 * the right program once downloaded ("rapport.html" holding a PNG becomes "rapport.html.png").
 */
export function documentFileName(raw: string, mime: DocumentMimeType): string {
  const name = safeFileName(raw);
  const extensions: readonly string[] = DOCUMENT_TYPES[mime];
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return extensions.includes(extension) ? name : `${name}.${extensions[0]}`;
}

/** Plain printable ASCII for old clients: accents folded ("Délibération" -> "Deliberation"). */
function asciiFallback(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/[\\"]/g, "_");
}

/** RFC 5987 attr-char only: encodeURIComponent leaves ' ( ) * unescaped, which the grammar forbids. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Always `attachment`: a PDF or an image rendered inline would run in our origin (PDF viewers
 * execute JavaScript, a crafted image can be a polyglot). Both forms of the name per RFC 6266.
 */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${rfc5987(safe)}`;
}
