import "server-only";
import type { CampaignTemplate } from "../../lib/campaign-template";
import { SEED_TEMPLATES } from "../seed";
import { DEMO_TOWNSHIP, TEMPLATE_SHORT_CODE } from "../seed/township";

/** The templates made from the seed notice, offered on "新建活动". */
export const BUILTIN_TEMPLATES: readonly CampaignTemplate[] = SEED_TEMPLATES;

export function builtinTemplate(key: string): CampaignTemplate | null {
  return BUILTIN_TEMPLATES.find((t) => t.key === key) ?? null;
}

/**
 * The built-in templates name owner units by the demo township's codes
 * (XMS-D02, 500230104204). Another township has the same kinds of unit under
 * its own short code or division code; owners it does not have are dropped
 * (the task then goes by unit kind), since nobody can edit a built-in file.
 */
export function localizeBuiltin(
  template: CampaignTemplate,
  org: { code: string; shortCode: string },
  unitCodes: ReadonlySet<string>,
): CampaignTemplate {
  const local = (code: string) =>
    code.startsWith(`${TEMPLATE_SHORT_CODE}-`)
      ? `${org.shortCode}-${code.slice(TEMPLATE_SHORT_CODE.length + 1)}`
      : code.startsWith(DEMO_TOWNSHIP.orgCode)
        ? `${org.code}${code.slice(DEMO_TOWNSHIP.orgCode.length)}`
        : code;
  return {
    ...template,
    activities: template.activities.map((a) => ({
      ...a,
      tasks: a.tasks.map((task) => {
        if (!task.ownerUnitCode) return task;
        const code = local(task.ownerUnitCode);
        if (unitCodes.has(code)) return { ...task, ownerUnitCode: code };
        const byKind = { ...task };
        delete byKind.ownerUnitCode;
        delete byKind.assignTo;
        return byKind;
      }),
    })),
  };
}
