import { useTranslations } from "next-intl";
import type { HazardFile } from "@/db/queries/hazards";
import { EvidenceList } from "@/components/evidence/evidence-list";

/** A hazard's photos or plan documents under a heading, served by /api/hazard-files/[id] with the hazard's scoping. */
export function HazardFiles({ title, files }: { title: string; files: Pick<HazardFile, "id" | "originalName" | "mimeType" | "sizeBytes">[] }) {
  if (files.length === 0) return null;
  return (
    <div>
      {title ? <h3 className="text-sm font-medium text-slate-500">{title}</h3> : null}
      <EvidenceList files={files} base="/api/hazard-files" />
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
