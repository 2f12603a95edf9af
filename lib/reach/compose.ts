import { shanghaiDay } from "@/lib/deadline-day";
import type { Message, NotificationKind } from "./outbox";
import { topLevel, type PlannedItem } from "./plan";
import type { EscalationLevel } from "./rules";
import type { GroupSummary } from "./tell-units";

/** The kinds of scheduled message; overdue notices and escalations of one unit are told together. */
export type MessageGroup = "due_soon" | "overdue" | "ack_chase" | "period_open";

export function groupOf(item: PlannedItem): MessageGroup {
  if (item.kind === "escalation" || item.kind === "overdue") return "overdue";
  return item.kind as MessageGroup;
}

const LEVEL_NAMES: Record<EscalationLevel, string> = { blue: "蓝色督办", yellow: "黄色督办", red: "红色督办" };

function listed(items: PlannedItem[], detail: (i: PlannedItem) => string): string {
  const unique = [...new Map(items.map((i) => [i.assignmentId, i])).values()];
  const shown = unique.slice(0, 5).map((i) => `「${i.work.title}」${detail(i)}`);
  return unique.length > 5 ? `${shown.join("、")} 等 ${unique.length} 项` : shown.join("、");
}

function linkOf(items: PlannedItem[]): string {
  const ids = new Set(items.map((i) => i.assignmentId));
  return ids.size === 1 ? `/tasks/${[...ids][0]}` : "/tasks";
}

const due = (i: PlannedItem) => `（${shanghaiDay(i.work.deadline)} 截止）`;

/** What one unit's liaisons (and, by level, those above them) read for one group of new items. */
export function unitMessage(group: MessageGroup, items: PlannedItem[]): Pick<Message, "kind" | "title" | "body"> & { link: string } {
  const link = linkOf(items);
  switch (group) {
    case "due_soon": {
      const days = Math.min(...items.map((i) => i.daysLeft ?? 0));
      const when = days === 0 ? "今天" : ` ${days} 天后`;
      return { kind: "due_soon", title: `任务将于${when}到期`, body: `${listed(items, due)}将于${when}到期，请按时办理并上传佐证材料。`, link };
    }
    case "overdue": {
      const level = topLevel(items);
      const title = level ? `${LEVEL_NAMES[level]}：任务已逾期` : "任务已逾期";
      const body = `${listed(items, due)}已逾期，请立即办理${level === "red" ? "，并向分管领导说明情况" : ""}。`;
      return { kind: level ? "escalation" : "overdue", title, body, link };
    }
    case "ack_chase":
      return { kind: "ack_chase", title: "请签收任务", body: `${listed(items, () => "")}已超过签收时限仍未签收，请登录督办系统签收。`, link };
    case "period_open":
      return { kind: "period_open", title: "新一期任务已开始", body: `${listed(items, due)}本期已开始，请按时报送。`, link };
  }
}

const SUMMARIES: Record<MessageGroup, { kind: NotificationKind; title: string; body: (units: string) => string }> = {
  due_soon: { kind: "due_soon", title: "任务即将到期提醒", body: (u) => `以下单位有任务即将到期：${u}。请按时办理。` },
  overdue: { kind: "escalation", title: "逾期督办", body: (u) => `以下单位有任务逾期：${u}。请立即办理。` },
  ack_chase: { kind: "ack_chase", title: "签收催办", body: (u) => `以下单位尚未签收任务：${u}。请联络员及时签收。` },
  period_open: { kind: "period_open", title: "新一期任务已开始", body: (u) => `以下单位的新一期任务已开始：${u}。` },
};

/** The one group-robot message of a tick for a group: which units, how many items, the level reached. */
export function robotSummary(group: MessageGroup, itemsOf: (unitId: string) => PlannedItem[]): Omit<GroupSummary, "key" | "link"> {
  const { kind, title, body } = SUMMARIES[group];
  return {
    kind,
    title,
    body: (told) =>
      body(
        told
          .map(({ unitId, unitName }) => {
            const items = itemsOf(unitId);
            const level = group === "overdue" ? topLevel(items) : null;
            const n = new Set(items.map((i) => i.assignmentId)).size;
            return `${unitName}（${n} 项${level ? `，${LEVEL_NAMES[level]}` : ""}）`;
          })
          .join("、"),
      ),
  };
}
