/**
 * Evidence file types, recognised from the bytes themselves (never from the
 * name or the browser's claimed type). Pure: shared by the server and the
 * browser-side checks.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_SUBMISSION = 10;

export const EVIDENCE_MIME_TYPES = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[keyof typeof EVIDENCE_MIME_TYPES];

/** What the file pickers offer; the server still sniffs every file. */
export const EVIDENCE_ACCEPT = ".jpg,.jpeg,.png,.webp,.heic,.heif,.pdf,.docx,.xlsx,image/*";

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "hevm", "hevs"]);
const HEIF_BRANDS = new Set(["mif1", "msf1"]);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The MIME type of an accepted evidence file, or null for anything else. */
export function sniffMimeType(bytes: Uint8Array): EvidenceMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return EVIDENCE_MIME_TYPES.jpg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return EVIDENCE_MIME_TYPES.png;
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return EVIDENCE_MIME_TYPES.webp;
  }
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === "%PDF-") return EVIDENCE_MIME_TYPES.pdf;
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === "ftyp") return sniffHeif(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(bytes);
  return null;
}

/** ISO BMFF: the major brand, and for a generic major brand (mif1) the compatible ones. */
function sniffHeif(bytes: Uint8Array): EvidenceMimeType | null {
  const boxSize = Math.min(u32BE(bytes, 0), bytes.length);
  const major = ascii(bytes, 8, 4);
  if (HEIC_BRANDS.has(major)) return EVIDENCE_MIME_TYPES.heic;
  if (!HEIF_BRANDS.has(major)) return null;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(ascii(bytes, at, 4));
  // AVIF also lists mif1; it is not an accepted evidence type.
  if (compatible.some((b) => b === "avif" || b === "avis")) return null;
  return compatible.some((b) => HEIC_BRANDS.has(b)) ? EVIDENCE_MIME_TYPES.heic : EVIDENCE_MIME_TYPES.heif;
}

function u32BE(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
}

/** A docx has `word/` parts, an xlsx `xl/` parts; both have `[Content_Types].xml`. A plain zip is refused. */
function sniffOfficeZip(bytes: Uint8Array): EvidenceMimeType | null {
  const names = centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
  if (!names.includes("[Content_Types].xml")) return null;
  const word = names.some((n) => n.startsWith("word/"));
  const xl = names.some((n) => n.startsWith("xl/"));
  if (word === xl) return null;
  return word ? EVIDENCE_MIME_TYPES.docx : EVIDENCE_MIME_TYPES.xlsx;
}

const decoder = new TextDecoder();

/** Entry names from the zip's central directory, or null when it cannot be found. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record is within the last 22 + 65535 (comment) bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** Fallback for a truncated zip: walk the local file headers from the start. */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && u32(bytes, at) === 0x04034b50) {
    const nameLength = u16(bytes, at + 26);
    names.push(decoder.decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is not in the header: stop there.
    if (u16(bytes, at + 6) & 0x08) break;
    at += 30 + nameLength + u16(bytes, at + 28) + u32(bytes, at + 18);
  }
  return names;
}
