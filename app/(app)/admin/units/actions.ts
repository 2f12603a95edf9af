"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { createUnit, setUnitArchived, updateUnit } from "@/lib/commands/admin/units";

export const addUnit = authorizedAction(createUnit, { revalidate: ["/admin/units"] });
export const editUnit = authorizedAction(updateUnit, { revalidate: ["/admin/units"] });
export const archiveUnit = authorizedAction(setUnitArchived, { revalidate: ["/admin/units"] });
