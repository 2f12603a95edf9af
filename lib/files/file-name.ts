/** Client file names are shown and sent back in downloads, never used as paths. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The last path segment without control or reserved characters, trimmed to
 * 200 characters keeping the extension; "file" when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .toWellFormed()
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return "file";
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = extension.length < 16 ? extension : [];
  return chars.slice(0, MAX_FILE_NAME_LENGTH - keep.length).join("") + keep.join("");
}

/** RFC 5987 `ext-value` characters: everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Content-Disposition header with an ASCII fallback name and the UTF-8 name (e.g. Chinese). */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
