import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ImportForm } from "@/components/admin/import-form";
import { requireContext } from "@/lib/auth/session";
import { previewUnits, previewUsers, runUnitImport, runUserImport } from "./actions";

export const dynamic = "force-dynamic";

export default async function AdminImportPage() {
  await requireContext("user.manage");
  const t = await getTranslations("admin.import");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <AdminTabs current="import" />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <ImportForm
        actions={{
          units: { preview: previewUnits, run: runUnitImport },
          users: { preview: previewUsers, run: runUserImport },
        }}
      />
    </div>
  );
}
