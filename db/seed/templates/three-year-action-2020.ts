import type { CampaignTemplate, TemplateTask, UnitKind } from "../../../lib/campaign-template";

/** Unit codes of the demo township (see db/seed/township.ts). */
const SAFETY_OFFICE = "XMS-D02";
const POLICE = "XMS-D03";
const PLANNING = "XMS-D04";
const AGRICULTURE = "XMS-D05";
const HEALTH_CENTER = "XMS-D07";
const TRANSPORT = "XMS-D10";
const GAS_STATION = "XMS-E01";
const FIREWORKS = "XMS-E02";
const LPG = "XMS-E03";
const CONSTRUCTION = "XMS-E05";
const FARM = "XMS-E06";

const VILLAGES: UnitKind[] = ["village", "community"];
const LEADING_UNITS: UnitKind[] = ["village", "community", "department", "school"];

type Evidence = TemplateTask["evidenceRequired"];
type Extra = Partial<Pick<TemplateTask, "description" | "figures" | "recurrence">> & { kind?: UnitKind };

/** A task of one unit only, its owner (a department unless `kind` says otherwise). */
function own(
  owner: string,
  phaseKey: string | undefined,
  key: string,
  title: string,
  deadline: string,
  evidenceRequired: Evidence,
  extra: Extra = {},
): TemplateTask {
  const { kind = "department", ...rest } = extra;
  const phase = phaseKey === undefined ? {} : { phaseKey };
  return {
    key,
    title,
    deadline,
    ...phase,
    ownerUnitCode: owner,
    applicableUnitKinds: [kind],
    assignTo: "owner",
    evidenceRequired,
    ...rest,
  };
}

const HALF_YEARS: [string, string, string, string][] = [
  ["2020-h2", "2020年下半年", "2020-12-31", "investigate"],
  ["2021-h1", "2021年上半年", "2021-06-30", "tackle"],
  ["2021-h2", "2021年下半年", "2021-12-31", "tackle"],
  ["2022-h1", "2022年上半年", "2022-06-30", "consolidate"],
];

export const threeYearAction2020: CampaignTemplate = {
  key: "three-year-action-2020",
  name: "安全生产专项整治三年行动（2020—2022年）",
  theme: "从根本上消除事故隐患",
  startsOn: "2020-04-01",
  endsOn: "2022-12-31",
  noticeTitle: "许明寺镇安全生产专项整治三年行动实施方案",
  noticeText:
    "根据国务院安委会《全国安全生产专项整治三年行动计划》（安委〔2020〕3号）和《重庆市安全生产专项整治三年行动工作方案》，结合我镇实际，开展2个专题和危险化学品、消防、道路运输、城市建设、危险废物等专项整治，分动员部署、排查整治、集中攻坚、巩固提升四个阶段实施。",
  phases: [
    { key: "mobilize", name: "动员部署", startsOn: "2020-04-01", endsOn: "2020-05-31" },
    { key: "investigate", name: "排查整治", startsOn: "2020-06-01", endsOn: "2020-12-31" },
    { key: "tackle", name: "集中攻坚", startsOn: "2021-01-01", endsOn: "2021-12-31" },
    { key: "consolidate", name: "巩固提升", startsOn: "2022-01-01", endsOn: "2022-12-31" },
  ],
  activities: [
    {
      key: "organization",
      grouping: "综合",
      title: "组织实施与督导",
      description: "建立问题隐患清单和制度措施清单，按季度报送进展、按半年报送总结，接受县安委办督导。",
      tasks: [
        own(SAFETY_OFFICE, "mobilize", "mobilization-meeting", "召开全镇安全生产专项整治三年行动动员部署会", "2020-05-15", ["meeting_minutes", "sign_in_sheet", "photo"]),
        own(SAFETY_OFFICE, "mobilize", "implementation-plan", "制定许明寺镇三年行动实施方案并成立工作专班", "2020-05-31", ["plan"]),
        own(SAFETY_OFFICE, "investigate", "problem-list", "建立全镇“问题隐患清单”", "2020-12-31", ["report"], {
          description: "汇总企业自查、村（居）排查和部门检查发现的问题隐患，逐项明确整改责任、措施、时限。",
          figures: [{ key: "items", name: "清单问题隐患", measureUnit: "项", target: 120 }],
        }),
        own(SAFETY_OFFICE, "tackle", "measure-list", "建立全镇“制度措施清单”", "2021-06-30", ["report", "plan"], {
          figures: [{ key: "measures", name: "制度措施", measureUnit: "项", target: 20 }],
        }),
        own(SAFETY_OFFICE, undefined, "quarterly-progress", "向县安委办报送三年行动季度进展情况", "2022-12-31", ["report"], {
          recurrence: { freq: "quarterly", from: "2020-07-01", to: "2022-12-31" },
        }),
        ...HALF_YEARS.map(([key, label, deadline, phaseKey]) =>
          own(SAFETY_OFFICE, phaseKey, `half-year-summary-${key}`, `报送三年行动${label}工作总结`, deadline, ["summary"]),
        ),
        own(SAFETY_OFFICE, "consolidate", "final-summary", "三年行动总结评估和迎接检查验收", "2022-12-15", ["summary", "report"]),
      ],
    },
    {
      key: "topic-study",
      grouping: "专题",
      code: "专题一",
      title: "学习宣传贯彻习近平总书记关于安全生产重要论述",
      tasks: [
        {
          key: "leader-training",
          title: "领导干部参加安全生产系统培训（三年内至少1次）",
          description: "镇村领导干部和部门负责人至少参加一次系统的安全生产培训，留存培训证明。",
          deadline: "2022-12-31",
          phaseKey: "consolidate",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: LEADING_UNITS,
          evidenceRequired: ["sign_in_sheet", "other"],
          figures: [{ key: "leaders", name: "参训领导干部", measureUnit: "人", target: 60 }],
        },
        {
          key: "study-sessions",
          title: "将安全生产重要论述纳入党委（支部）理论学习计划",
          deadline: "2020-12-31",
          phaseKey: "investigate",
          applicableUnitKinds: LEADING_UNITS,
          evidenceRequired: ["plan", "meeting_minutes"],
        },
      ],
    },
    {
      key: "topic-responsibility",
      grouping: "专题",
      code: "专题二",
      title: "落实企业安全生产主体责任",
      tasks: [
        {
          key: "enterprise-hazard-list",
          title: "企业完成安全生产全面自查并建立隐患清单",
          description: "对照行业标准逐项自查，建立隐患清单，明确整改责任人、措施、资金和时限。",
          deadline: "2020-09-30",
          phaseKey: "investigate",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["enterprise"],
          evidenceRequired: ["report", "photo"],
          figures: [{ key: "hazards", name: "自查隐患", measureUnit: "条", target: 36 }],
        },
        {
          key: "responsibility-system",
          title: "建立全员安全生产责任制，主要负责人签订安全承诺书",
          deadline: "2020-12-31",
          phaseKey: "investigate",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["enterprise"],
          evidenceRequired: ["plan", "other"],
        },
        {
          key: "hazard-list-review",
          title: "企业隐患清单动态复核和整改销号",
          deadline: "2022-10-31",
          phaseKey: "consolidate",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["enterprise"],
          evidenceRequired: ["report"],
        },
      ],
    },
    {
      key: "special-chemicals",
      grouping: "专项",
      code: "专项一",
      title: "危险化学品安全专项整治",
      description: "加油站、液化气站、烟花爆竹零售点安全风险辨识管控和隐患排查治理。",
      tasks: [
        own(GAS_STATION, "investigate", "gas-station-check", "加油站防雷防静电检测和卸油作业安全自查", "2020-08-31", ["report", "photo"], {
          kind: "enterprise",
        }),
        own(FIREWORKS, "tackle", "fireworks-check", "烟花爆竹零售点许可证、储存限量和“三防”措施核查", "2021-01-31", ["report", "photo"], {
          kind: "enterprise",
        }),
        own(LPG, "tackle", "lpg-check", "液化气站钢瓶充装管理和用户入户安检", "2021-06-30", ["report", "photo"], {
          kind: "enterprise",
          figures: [{ key: "households", name: "入户安检", measureUnit: "户", target: 800 }],
        }),
      ],
    },
    {
      key: "special-fire",
      grouping: "专项",
      code: "专项二",
      title: "消防安全专项整治",
      description: "农村自建房、出租屋、“三合一”场所和电动自行车充电消防隐患整治。",
      tasks: [
        {
          key: "rural-housing-fire",
          title: "排查整治自建房、出租屋消防安全隐患",
          description: "重点检查电气线路私拉乱接、生命通道堵塞、灭火器配置情况。",
          deadline: "2020-12-31",
          phaseKey: "investigate",
          ownerUnitCode: POLICE,
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["report", "photo"],
          figures: [{ key: "houses", name: "排查自建房和出租屋", measureUnit: "户", target: 1500 }],
        },
        {
          key: "ebike-charging",
          title: "整治电动自行车违规停放充电和“三合一”场所",
          deadline: "2021-11-30",
          phaseKey: "tackle",
          ownerUnitCode: POLICE,
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["photo", "summary"],
        },
        {
          key: "school-fire-drill",
          title: "校园消防安全检查和疏散演练",
          deadline: "2021-06-30",
          phaseKey: "tackle",
          ownerUnitCode: POLICE,
          applicableUnitKinds: ["school"],
          evidenceRequired: ["plan", "photo"],
        },
      ],
    },
    {
      key: "special-road",
      grouping: "专项",
      code: "专项三",
      title: "道路运输安全专项整治",
      tasks: [
        own(TRANSPORT, "investigate", "road-hazards", "排查农村公路临水临崖、急弯陡坡路段安全隐患", "2020-12-31", ["report", "photo"], {
          figures: [{ key: "sections", name: "排查隐患路段", measureUnit: "处", target: 25 }],
        }),
        own(POLICE, "tackle", "illegal-passengers", "整治面包车、三轮车、农用车违法载人", "2021-12-31", ["report"]),
        {
          key: "traffic-wardens",
          title: "落实村级交通安全劝导站和劝导员履职",
          deadline: "2021-06-30",
          phaseKey: "tackle",
          ownerUnitCode: TRANSPORT,
          applicableUnitKinds: ["village"],
          evidenceRequired: ["photo", "other"],
        },
      ],
    },
    {
      key: "special-construction",
      grouping: "专项",
      code: "专项四",
      title: "城市建设安全专项整治",
      description: "建筑施工安全和农村自建房结构安全。",
      tasks: [
        own(CONSTRUCTION, "tackle", "site-safety", "建筑工地高处坠落、起重机械和临时用电隐患整治", "2021-06-30", ["report", "photo"], {
          kind: "enterprise",
        }),
        own(PLANNING, "tackle", "construction-inspection", "开展在建工程安全生产专项检查", "2021-09-30", ["report"]),
        {
          key: "self-built-structure",
          title: "农村自建房结构安全排查和危房整治",
          deadline: "2022-06-30",
          phaseKey: "consolidate",
          ownerUnitCode: PLANNING,
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["report", "photo"],
          figures: [{ key: "houses", name: "排查农房", measureUnit: "栋", target: 2000 }],
        },
      ],
    },
    {
      key: "special-waste",
      grouping: "专项",
      code: "专项五",
      title: "危险废物等安全专项整治",
      tasks: [
        own(HEALTH_CENTER, "tackle", "medical-waste", "卫生院医疗废物分类收集、暂存和转运规范化管理", "2021-09-30", ["report", "photo"]),
        own(AGRICULTURE, "tackle", "agri-waste", "农药包装废弃物回收和病死畜禽无害化处理排查", "2021-12-31", ["report"]),
        own(FARM, "consolidate", "farm-waste", "养殖场沼气池、粪污和病死畜禽处置安全自查", "2022-09-30", ["report", "photo"], {
          kind: "enterprise",
        }),
      ],
    },
  ],
};
