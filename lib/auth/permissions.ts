/**
 * Who may do what, as data. Every server action and route names one of these
 * permissions; the server checks it with can(). Scoping (own township, own unit
 * for liaisons) is enforced separately, in the queries' where clauses.
 */
export const ROLES = ["admin", "leader", "liaison", "auditor"] as const;
export type Role = (typeof ROLES)[number];

const everyone = ROLES;
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
    default:
      return "/dashboard";
  }
}
