/**
 * Who may do what, as data. Every server action and route names one of these
 * permissions; the server checks it with can(). Scoping (own township, own unit
 * for liaisons) is enforced separately, in the queries' where clauses.
 */
/** Roles of a township membership. */
export const TOWNSHIP_ROLES = ["admin", "leader", "liaison", "auditor"] as const;
/** Roles of a county membership: read-only over the county's townships. */
export const COUNTY_ROLES = ["county_leader", "county_auditor"] as const;
export const ROLES = [...TOWNSHIP_ROLES, ...COUNTY_ROLES] as const;
export type Role = (typeof ROLES)[number];

const everyone = TOWNSHIP_ROLES;
const managers = ["admin", "leader"] as const;
const readers = ["admin", "leader", "auditor"] as const;

export const PERMISSIONS = {
  "assignment.read": everyone,
  "assignment.acknowledge": ["liaison"],
  "assignment.submit": ["liaison"],
  "assignment.assign": managers,
  "assignment.review": managers,
  "assignment.remind": managers,
  "extension.request": ["liaison"],
  "extension.decide": managers,
  "campaign.read": readers,
  "campaign.manage": managers,
  "dashboard.view": readers,
  "report.export": readers,
  "hazard.read": everyone,
  "hazard.report": ["admin", "leader", "liaison"],
  "hazard.rectify": ["admin", "leader", "liaison"],
  "hazard.verify": managers,
  "notification.read": everyone,
  "unit.manage": ["admin"],
  "user.manage": ["admin"],
  "org.settings": ["admin"],
  "county.view": COUNTY_ROLES,
  "county.export": COUNTY_ROLES,
  "account.password": ROLES,
  /** One's own e-mail address and reminder choice. */
  "account.profile": ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case "liaison":
      return "/tasks";
    case "auditor":
      return "/reports";
    case "county_leader":
    case "county_auditor":
      return "/county";
    default:
      return "/dashboard";
  }
}
