"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { importUnits, importUsers, previewUnitImport, previewUserImport } from "@/lib/commands/admin/import";

const revalidate = ["/admin/units", "/admin/users"];
export const previewUnits = authorizedAction(previewUnitImport);
export const previewUsers = authorizedAction(previewUserImport);
export const runUnitImport = authorizedAction(importUnits, { revalidate });
export const runUserImport = authorizedAction(importUsers, { revalidate });
