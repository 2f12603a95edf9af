import type { CampaignTemplate, UnitKind } from "../../../lib/campaign-template";

const ALL: UnitKind[] = ["village", "community", "department", "enterprise", "school"];
/** Unit codes of the demo township (see db/seed/township.ts). */
const PARTY_OFFICE = "XMS-D01";
const SAFETY_OFFICE = "XMS-D02";
const POLICE = "XMS-D03";

const NOTICE_TEXT = `三、全镇“安全生产许明寺行”活动（摘要）
2020年“安全生产许明寺行”与“安全生产月”同步启动，12月份结束。各村（居），镇级相关部门，镇内各企业要结合实际，采取多种形式，组织开展“区域行”“专题行”“行业行”宣传报道活动，及时报道“三年行动”工作进展、办法措施、整改成效。要进一步畅通群众监督和媒体监督渠道，充分发挥12350举报投诉热线和119、96119消防举报电话等平台作用，鼓励引导广大群众特别是企业员工举报重大隐患和违法违规行为，及时开展案例警示教育。

四、有关要求（摘要）
（一）强化组织领导，加强督促检查。将“安全生产月”和“安全生产许明寺行”活动纳入全年安全生产重点工作计划，明确责任单位、责任人和时间节点，层层压实责任，抓好督促检查。
（二）精心制定方案，确保活动实效。制定切实可行的方案，细化措施，落实责任。
（三）广泛宣传发动，营造浓厚氛围。`;

export const xumingsiTour2020: CampaignTemplate = {
  key: "xumingsi-tour-2020",
  name: "2020年安全生产许明寺行",
  theme: "消除事故隐患，筑牢安全防线",
  startsOn: "2020-06-01",
  endsOn: "2020-12-31",
  noticeTitle: "关于印发《2020年全镇“安全生产月”和“安全生产许明寺行”活动实施方案》的通知",
  noticeText: NOTICE_TEXT,
  phases: [],
  activities: [
    {
      key: "organization",
      code: "四",
      title: "强化组织领导，精心制定方案",
      description: "纳入全年安全生产重点工作计划；专题研究部署，细化活动方案，明确责任单位、责任人和时间节点；加强督促检查。",
      tasks: [
        {
          key: "annual-plan",
          title: "将“安全生产月”和“安全生产许明寺行”活动纳入全年安全生产重点工作计划",
          description: "与业务工作同谋划、同部署、同检查、同落实，形成会议纪要。",
          deadline: "2020-06-05",
          applicableUnitKinds: ALL,
          evidenceRequired: ["meeting_minutes", "plan"],
        },
        {
          key: "unit-plan",
          title: "制定本单位活动实施方案，明确责任人和时间节点",
          deadline: "2020-06-08",
          applicableUnitKinds: ALL,
          evidenceRequired: ["plan"],
        },
        {
          key: "supervision",
          title: "镇安委办对各单位活动开展情况督促检查",
          description: "每季度至少开展一次督查，通报存在问题并跟踪整改。",
          deadline: "2020-11-30",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report", "photo"],
          figures: [{ key: "checks", name: "督查单位", measureUnit: "个", target: 23 }],
        },
        {
          key: "year-summary",
          title: "报送2020年“安全生产许明寺行”活动总结",
          deadline: "2020-12-25",
          applicableUnitKinds: ALL,
          evidenceRequired: ["summary"],
        },
      ],
    },
    {
      key: "reporting",
      code: "三",
      title: "开展“区域行”“专题行”“行业行”宣传报道",
      description: "及时报道“三年行动”工作进展、办法措施、整改成效。",
      tasks: [
        {
          key: "monthly-report",
          title: "报送“区域行”“专题行”“行业行”宣传报道及三年行动进展",
          description: "每月报送本单位宣传报道稿件、图片及三年行动排查整治进展。",
          deadline: "2020-12-31",
          applicableUnitKinds: ALL,
          evidenceRequired: ["report", "photo"],
          recurrence: { freq: "monthly", from: "2020-06-01", to: "2020-12-31" },
          figures: [{ key: "stories", name: "宣传报道", measureUnit: "篇", target: 30 }],
        },
        {
          key: "caravan",
          title: "配合“安全知识大篷车”巡回演出进社区、学校和企业",
          deadline: "2020-10-31",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["community", "school", "enterprise"],
          evidenceRequired: ["photo"],
          figures: [{ key: "audience", name: "观看群众", measureUnit: "人次", target: 800 }],
        },
      ],
    },
    {
      key: "hotlines",
      code: "三",
      title: "畅通群众监督和媒体监督渠道",
      description: "充分发挥12350举报投诉热线和119、96119消防举报电话作用，鼓励群众特别是企业员工举报重大隐患和违法违规行为。",
      tasks: [
        {
          key: "hotline-publicity",
          title: "公示12350举报投诉热线和119、96119消防举报电话",
          description: "在村（居）公开栏、企业门岗、学校、场镇主要路口张贴举报电话公示牌。",
          deadline: "2020-06-30",
          applicableUnitKinds: ALL,
          evidenceRequired: ["photo"],
          figures: [{ key: "boards", name: "张贴公示", measureUnit: "处", target: 120 }],
        },
        {
          key: "hotline-ledger",
          title: "建立举报线索登记、核查和反馈台账",
          deadline: "2020-07-15",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report"],
        },
        {
          key: "fire-report-check",
          title: "核查119、96119消防举报线索并督促整改",
          deadline: "2020-12-15",
          ownerUnitCode: POLICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report", "photo"],
        },
      ],
    },
    {
      key: "case-warning",
      code: "三",
      title: "开展案例警示教育",
      description: "根据举报线索和典型事故案例，组织开展警示教育，以案促改。",
      tasks: [
        {
          key: "case-education",
          title: "组织观看典型事故案例警示片并开展讨论",
          deadline: "2020-09-30",
          applicableUnitKinds: ["village", "community", "department", "enterprise"],
          evidenceRequired: ["sign_in_sheet", "photo", "summary"],
          figures: [{ key: "educated", name: "受教育人次", measureUnit: "人次", target: 1500 }],
        },
        {
          key: "case-media",
          title: "选取隐患举报查处典型案例进行曝光报道",
          deadline: "2020-11-30",
          ownerUnitCode: PARTY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report"],
        },
      ],
    },
  ],
};
