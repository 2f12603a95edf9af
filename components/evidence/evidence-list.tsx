import type { EvidenceFile } from "@/db/queries/evidence";
import { formatSize } from "@/lib/files/file-size";

/** Browsers can show these inline; HEIC and documents are offered as downloads. */
const PREVIEWABLE = new Set(["image/jpeg", "image/png", "image/webp"]);

type ListedFile = Pick<EvidenceFile, "id" | "originalName" | "mimeType" | "sizeBytes">;

/**
 * Photo thumbnails and document links, served by a permission-checked download
 * route: /api/files/[id] for evidence (the default), /api/hazard-files/[id] for hazards.
 */
export function EvidenceList({ files, base = "/api/files" }: { files: ListedFile[]; base?: string }) {
  if (files.length === 0) return null;
  const photos = files.filter((f) => PREVIEWABLE.has(f.mimeType));
  const documents = files.filter((f) => !PREVIEWABLE.has(f.mimeType));
  return (
    <div className="mt-2 space-y-2">
      {photos.length > 0 ? (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
          {photos.map((f) => (
            <li key={f.id}>
              <a href={`${base}/${f.id}`} target="_blank" rel="noopener" className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own permission-checked route */}
                <img
                  src={`${base}/${f.id}`}
                  alt={f.originalName}
                  loading="lazy"
                  className="aspect-square w-full rounded-lg object-cover ring-1 ring-slate-200"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {documents.map((f) => (
            <li key={f.id}>
              <a href={`${base}/${f.id}?download=1`} className="text-brand-700 underline-offset-2 hover:underline">
                {f.originalName}
              </a>
              <span className="ml-2 text-slate-400">{formatSize(f.sizeBytes)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
