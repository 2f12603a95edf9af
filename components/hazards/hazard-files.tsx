import { useTranslations } from "next-intl";
import type { HazardFile } from "@/db/queries/hazards";
import { formatSize } from "@/lib/files/file-size";

/** Browsers can show these inline; HEIC and documents are offered as downloads. */
const PREVIEWABLE = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Photo thumbnails and document links, served by /api/hazard-files/[id] with the hazard's scoping. */
export function HazardFiles({ title, files }: { title: string; files: Pick<HazardFile, "id" | "originalName" | "mimeType" | "sizeBytes">[] }) {
  if (files.length === 0) return null;
  const photos = files.filter((f) => PREVIEWABLE.has(f.mimeType));
  const documents = files.filter((f) => !PREVIEWABLE.has(f.mimeType));
  return (
    <div>
      {title ? <h3 className="text-sm font-medium text-slate-500">{title}</h3> : null}
      {photos.length > 0 ? (
        <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4">
          {photos.map((f) => (
            <li key={f.id}>
              <a href={`/api/hazard-files/${f.id}`} target="_blank" rel="noopener" className="block">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own permission-checked route */}
                <img
                  src={`/api/hazard-files/${f.id}`}
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
        <ul className="mt-2 space-y-1 text-sm">
          {documents.map((f) => (
            <li key={f.id}>
              <a href={`/api/hazard-files/${f.id}?download=1`} className="text-brand-700 underline-offset-2 hover:underline">
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

export function HazardFileGroups({ before, after, plans }: { before: HazardFile[]; after: HazardFile[]; plans: HazardFile[] }) {
  const t = useTranslations("hazards.fields");
  if (before.length + after.length + plans.length === 0) return null;
  return (
    <section className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <HazardFiles title={t("beforePhotos")} files={before} />
      <HazardFiles title={t("afterPhotos")} files={after} />
      <HazardFiles title={t("plans")} files={plans} />
    </section>
  );
}
