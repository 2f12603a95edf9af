import type { CampaignTemplate, UnitKind } from "../../../lib/campaign-template";

/** 各村（居）委会，镇级各部门，镇内各企业 (and the central school). */
const ALL: UnitKind[] = ["village", "community", "department", "enterprise", "school"];
const VILLAGES: UnitKind[] = ["village", "community"];
/** Unit codes of the demo township (see db/seed/township.ts). */
const PARTY_OFFICE = "XMS-D01";
const SAFETY_OFFICE = "XMS-D02";
const SCHOOL = "XMS-D06";

const NOTICE_TEXT = `丰都县许明寺镇人民政府
关于印发《2020年全镇“安全生产月”和“安全生产许明寺行”活动实施方案》的通知

各村（居）委会，镇级各部门，镇内各企业：
《2020年全镇“安全生产月”和“安全生产许明寺行”活动实施方案》已经镇政府研究同意，现印发给你们，请认真遵照执行。

今年6月是全国第19个“安全生产月”。为认真贯彻落实习近平总书记“从根本上消除事故隐患，有效遏制重特大事故发生”的重要指示精神，推动全市安全生产专项整治三年行动安全风险隐患排查整治工作顺利开展，按照丰都县安全生产委员会办公室关于2020年全县“安全生产月”和“安全生产丰都行”活动的通知文件要求，我镇将以“消除事故隐患，筑牢安全防线”为主题，开展全镇“安全生产月”和“安全生产许明寺行”活动。

二、全镇“安全生产月”活动（摘要）
2020年全镇“安全生产月”活动于6月1日至30日在全镇范围内统一开展，各村（居），镇级相关部门，镇内各企业要紧密结合实际，采取灵活多样形式，广泛深入开展以下活动：
（一）深入学习贯彻习近平总书记关于安全生产重要论述；
（二）开展“排查整治进行时”专题活动；
（三）开设“安全生产大家谈”云课堂；
（四）开展安全宣传咨询日活动（6月16日）；
（五）开展“最美应急管理工作者”学习宣传活动；
（六）开展安全文艺创作展演活动；
（七）扎实推进安全宣传“五进”工作。

丰都县许明寺镇人民政府
2020年6月1日`;

export const safetyMonth2020: CampaignTemplate = {
  key: "safety-month-2020",
  name: "2020年安全生产月",
  theme: "消除事故隐患，筑牢安全防线",
  startsOn: "2020-06-01",
  endsOn: "2020-06-30",
  noticeTitle: "关于印发《2020年全镇“安全生产月”和“安全生产许明寺行”活动实施方案》的通知",
  noticeText: NOTICE_TEXT,
  phases: [],
  activities: [
    {
      key: "study",
      code: "（一）",
      title: "深入学习贯彻习近平总书记关于安全生产重要论述",
      description:
        "安排理论学习中心组专题学习；以党政领导干部和企业负责人为重点开展网络课堂培训；在报刊、广播、新媒体等平台开设专栏专题。",
      tasks: [
        {
          key: "study-group",
          title: "召开理论学习中心组（支部）安全生产专题学习会",
          description: "专题学习习近平总书记关于安全生产重要论述，形成学习记录。",
          deadline: "2020-06-10",
          applicableUnitKinds: ALL,
          evidenceRequired: ["meeting_minutes", "sign_in_sheet", "photo"],
          figures: [{ key: "attendees", name: "参学人数", measureUnit: "人", target: 300 }],
        },
        {
          key: "online-course",
          title: "组织领导干部和企业负责人参加安全生产重要论述网络课堂培训",
          deadline: "2020-06-20",
          applicableUnitKinds: ALL,
          evidenceRequired: ["sign_in_sheet", "photo"],
          figures: [{ key: "trainees", name: "参训人数", measureUnit: "人", target: 120 }],
        },
        {
          key: "media-column",
          title: "在镇村微信公众号、广播、宣传栏开设安全生产专栏",
          description: "党政办牵头，各村（居）在村务公开栏、村村响广播同步开设专栏。",
          deadline: "2020-06-15",
          ownerUnitCode: PARTY_OFFICE,
          applicableUnitKinds: ["department", ...VILLAGES],
          evidenceRequired: ["photo", "report"],
          figures: [{ key: "articles", name: "刊发专栏稿件", measureUnit: "篇", target: 40 }],
        },
      ],
    },
    {
      key: "investigation",
      code: "（二）",
      title: "开展“排查整治进行时”专题活动",
      description:
        "结合《重庆市安全生产专项整治三年行动工作方案》，坚持大排查大整治大执法工作主线。企业开展“安全生产啄木鸟”“企业风险扫描仪”“隐患排查显微镜”活动；村（居）开展“查找身边隐患”“专项整治纠察员”活动。",
      tasks: [
        {
          key: "enterprise-self-inspection",
          title: "开展“安全生产啄木鸟”“隐患排查显微镜”企业自查",
          description:
            "发动企业员工对重点场所、关键环节安全风险隐患进行全面深入排查，形成隐患清单并落实整改责任人、整改时限。",
          deadline: "2020-06-20",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["enterprise"],
          evidenceRequired: ["report", "photo"],
          figures: [
            { key: "hazards-found", name: "排查隐患", measureUnit: "处", target: 30 },
            { key: "hazards-fixed", name: "已整改隐患", measureUnit: "处", target: 30 },
          ],
        },
        {
          key: "find-hazards-nearby",
          title: "开展“查找身边隐患”“专项整治纠察员”活动",
          description: "发动院落和群众查找身边隐患，积极举报风险隐患和安全违法违规行为，建立隐患台账。",
          deadline: "2020-06-25",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["photo", "summary"],
          figures: [
            { key: "hazards-found", name: "发现隐患", measureUnit: "处", target: 70 },
            { key: "inspectors", name: "聘请纠察员", measureUnit: "人", target: 35 },
          ],
        },
        {
          key: "investigation-news",
          title: "报送排查整治工作进展及成效信息",
          deadline: "2020-06-28",
          ownerUnitCode: PARTY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report"],
        },
      ],
    },
    {
      key: "cloud-class",
      code: "（三）",
      title: "开设“安全生产大家谈”云课堂",
      description: "组织干部职工、企业员工和社区群众观看云课堂；开展网络视频访谈、“公开课”“微课堂”“公益讲座”等线上活动。",
      tasks: [
        {
          key: "watch-cloud-class",
          title: "组织干部职工和群众观看“安全生产大家谈”云课堂",
          deadline: "2020-06-24",
          applicableUnitKinds: ALL,
          evidenceRequired: ["sign_in_sheet", "photo"],
          figures: [{ key: "viewers", name: "观看人次", measureUnit: "人次", target: 3000 }],
        },
        {
          key: "micro-class",
          title: "开展安全生产“公开课”“微课堂”线上活动",
          description: "围绕复工复产、隐患排查、风险防范，录制或直播不少于1节微课堂。",
          deadline: "2020-06-28",
          applicableUnitKinds: ["enterprise", "school"],
          evidenceRequired: ["video", "summary"],
        },
      ],
    },
    {
      key: "consultation-day",
      code: "（四）",
      title: "开展安全宣传咨询日活动",
      description:
        "6月16日是全国安全宣传咨询日。开展线上、线下相结合的咨询活动，在主干道路、公共场所、居民社区、工厂园区张贴悬挂宣传海报、标语，播放公益宣传片。",
      tasks: [
        {
          key: "consultation-day-local",
          title: "6月16日安全宣传咨询日线上线下宣传活动",
          description: "在公共场所张贴全市统一宣传海报、悬挂横幅，组织群众参与重庆应急发布手机竞答和“主播找隐患”微视频观看。",
          deadline: "2020-06-16",
          applicableUnitKinds: ALL,
          evidenceRequired: ["photo", "summary"],
          figures: [
            { key: "banners", name: "悬挂横幅", measureUnit: "条", target: 80 },
            { key: "leaflets", name: "发放宣传资料", measureUnit: "份", target: 6000 },
          ],
        },
        {
          key: "consultation-day-main",
          title: "在许明寺场镇举办安全宣传咨询日主会场活动",
          description: "应急办（安监办）牵头，派出所、卫生院、中心校设咨询台，开展消防器材使用演示。",
          deadline: "2020-06-16",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["plan", "photo", "summary"],
          figures: [{ key: "visitors", name: "现场咨询群众", measureUnit: "人次", target: 500 }],
        },
      ],
    },
    {
      key: "exemplary-workers",
      code: "（五）",
      title: "开展“最美应急管理工作者”学习宣传活动",
      description: "积极推荐“最美应急管理工作者”，同步开展我镇学习宣传活动。",
      tasks: [
        {
          key: "recommend-candidates",
          title: "推荐“最美应急管理工作者”候选人",
          deadline: "2020-06-12",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["department", ...VILLAGES],
          evidenceRequired: ["report"],
        },
        {
          key: "exemplary-publicity",
          title: "开展先进典型学习宣传",
          deadline: "2020-06-30",
          applicableUnitKinds: ["department", ...VILLAGES],
          evidenceRequired: ["photo", "summary"],
        },
      ],
    },
    {
      key: "arts",
      code: "（六）",
      title: "开展安全文艺创作展演活动",
      description: "组织参加第九届“安全在我心中”美术摄影大赛和第七届“安全伴我行”安全文艺创作比赛，开展适合疫情防控形势的安全文化活动。",
      tasks: [
        {
          key: "art-contest",
          title: "组织报送“安全在我心中”美术摄影作品",
          deadline: "2020-06-25",
          ownerUnitCode: SCHOOL,
          applicableUnitKinds: ["school", "community", "enterprise"],
          evidenceRequired: ["other", "photo"],
          figures: [{ key: "works", name: "报送作品", measureUnit: "件", target: 40 }],
        },
        {
          key: "culture-events",
          title: "开展院坝会、快板、坝坝舞等安全文化活动",
          deadline: "2020-06-28",
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["photo", "video"],
          figures: [{ key: "audience", name: "参与群众", measureUnit: "人次", target: 1400 }],
        },
      ],
    },
    {
      key: "five-into",
      code: "（七）",
      title: "扎实推进安全宣传“五进”工作",
      description: "开展安全宣传进企业、进农村、进社区、进校园、进家庭活动，推动建设“五进”示范点。",
      tasks: [
        {
          key: "into-enterprises",
          title: "安全宣传进企业：开展员工安全教育培训和风险辨识",
          deadline: "2020-06-26",
          applicableUnitKinds: ["enterprise"],
          evidenceRequired: ["sign_in_sheet", "photo"],
          figures: [{ key: "employees", name: "培训员工", measureUnit: "人次", target: 300 }],
        },
        {
          key: "into-villages",
          title: "安全宣传进农村：普及农村用电、用气、道路交通安全知识",
          deadline: "2020-06-26",
          applicableUnitKinds: ["village"],
          evidenceRequired: ["photo", "summary"],
          figures: [{ key: "educated", name: "受教育人次", measureUnit: "人次", target: 3000 }],
        },
        {
          key: "into-communities",
          title: "安全宣传进社区：开展常态化安全教育和应急疏散演练",
          deadline: "2020-06-26",
          applicableUnitKinds: ["community"],
          evidenceRequired: ["sign_in_sheet", "photo"],
          figures: [{ key: "drill", name: "参加演练", measureUnit: "人次", target: 200 }],
        },
        {
          key: "into-schools",
          title: "安全宣传进校园：防溺水、消防安全教育和疏散演练",
          description: "暑假前完成防溺水“六不准”教育和致家长的一封信发放。",
          deadline: "2020-06-24",
          applicableUnitKinds: ["school"],
          evidenceRequired: ["plan", "sign_in_sheet", "photo"],
          figures: [{ key: "students", name: "受教育师生", measureUnit: "人次", target: 1500 }],
        },
        {
          key: "into-families",
          title: "安全宣传进家庭：入户排查住宅消防隐患，普及自救互救知识",
          deadline: "2020-06-30",
          applicableUnitKinds: VILLAGES,
          evidenceRequired: ["photo", "summary"],
          figures: [{ key: "households", name: "入户数", measureUnit: "户", target: 2100 }],
        },
        {
          key: "demo-sites",
          title: "建设安全宣传“五进”示范点",
          deadline: "2020-06-30",
          ownerUnitCode: SAFETY_OFFICE,
          applicableUnitKinds: ["department"],
          assignTo: "owner",
          evidenceRequired: ["report", "photo"],
          figures: [{ key: "sites", name: "示范点", measureUnit: "个", target: 3 }],
        },
      ],
    },
  ],
};
