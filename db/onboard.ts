/**
 * Onboards a township (or creates a county account) in the configured database:
 *   npm run onboard -- --county 500230 --code 500230105 --name 某某镇 --short-code XX \
 *     --admin-username xx-admin --admin-name 张三 [--admin-phone 13800000000] [--county-name 丰都县]
 *   npm run onboard -- --county-user --county 500230 --username county2 --name 李四 --role county_leader
 * Prints the temporary password once; the new account must change it at first sign-in.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openFromEnv } from "./client";
import { migrate } from "./migrate";
import { createCountyUser, OnboardingError, onboardTownship } from "../lib/onboarding";

const OPTIONS = {
  county: { type: "string" },
  "county-name": { type: "string" },
  code: { type: "string" },
  name: { type: "string" },
  "short-code": { type: "string" },
  "admin-username": { type: "string" },
  "admin-name": { type: "string" },
  "admin-phone": { type: "string" },
  "county-user": { type: "boolean" },
  username: { type: "string" },
  role: { type: "string" },
} as const;

function required(values: Record<string, string | boolean | undefined>, names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length > 0) throw new OnboardingError(`缺少参数：${missing.map((n) => `--${n}`).join(" ")}`);
}

async function main(): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true }));
  } catch (error) {
    throw new OnboardingError(error instanceof Error ? error.message : String(error));
  }
  const handle = openFromEnv();
  try {
    await migrate(handle);
    if (values["county-user"]) {
      required(values, ["county", "username", "name", "role"]);
      const role = values.role === "county_auditor" ? "county_auditor" : values.role === "county_leader" ? "county_leader" : null;
      if (!role) throw new OnboardingError("--role 应为 county_leader 或 county_auditor");
      const made = await createCountyUser(handle.db, {
        countyCode: values.county!,
        username: values.username!,
        displayName: values.name!,
        role,
      });
      return `已创建县级账号 ${values.username}（${role}）。临时密码：${made.temporaryPassword}\n该密码只显示这一次，首次登录后须修改。`;
    }
    required(values, ["county", "code", "name", "short-code", "admin-username", "admin-name"]);
    const made = await onboardTownship(handle.db, {
      countyCode: values.county!,
      countyName: values["county-name"],
      code: values.code!,
      name: values.name!,
      shortCode: values["short-code"]!,
      adminUsername: values["admin-username"]!,
      adminName: values["admin-name"]!,
      adminPhone: values["admin-phone"],
    });
    return [
      `${made.countyCreated ? `已新建县 ${values.county}；` : ""}已创建乡镇 ${values.name}（${values.code}），组织 ${made.orgId}`,
      `管理员 ${values["admin-username"]} 的临时密码：${made.temporaryPassword}`,
      "该密码只显示这一次，首次登录后须修改。",
    ].join("\n");
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main()
    .then((message) => console.log(message))
    .catch((error: unknown) => {
      // A refusal is the operator's to fix: its message only. Anything else: one line with the cause.
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof OnboardingError ? `无法完成：${message}` : `出错：${message}`);
      process.exit(1);
    });
}
