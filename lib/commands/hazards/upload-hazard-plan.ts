import "server-only";
import { z } from "zod";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { checkHazardFiles, storeHazardFiles, uploadList } from "./files";
import { loadHazard } from "./record";
import { assertResponsibleLiaison } from "./rectify-hazard";

/** 整改方案: the rectification plan document(s) of a hazard, uploaded any time before 销号. */
export const uploadHazardPlan = defineCommand(
  {
    name: "hazard.upload_plan",
    permission: "hazard.rectify",
    schema: z.object({ hazardId: z.uuid(), plans: uploadList }),
  },
  async (input, ctx) => {
    const current = await loadHazard(ctx, input.hazardId);
    assertResponsibleLiaison(ctx, current);
    if (current.status === "verified") throw new ActionError("conflict", "隐患已销号，不能再上传整改方案");
    if (input.plans.length === 0) throw new ActionError("invalid", "请选择整改方案文件");
    const plans = await checkHazardFiles(input.plans, "plan");
    const stored = await storeHazardFiles(ctx, current.id, "hazard_plan", plans);
    return {
      data: { fileIds: stored.ids },
      audit: [
        {
          action: "hazard.upload_plan",
          entityType: "hazard",
          entityId: current.id,
          after: { planIds: stored.ids, names: plans.map((p) => p.name) },
        },
        ...stored.audit,
      ],
    };
  },
);
