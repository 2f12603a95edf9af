import { describe, expect, it } from "vitest";
import { parseCsv } from "./import-parse";
import { MAX_IMPORT_ROWS, validateUnitImport, validateUserImport } from "./import-validate";

const UNIT_HEAD = "单位编码,单位名称,单位类型,责任人,联系电话";
const USER_HEAD = "姓名,用户名,手机号,角色,所属单位编码";
const lines = (...rows: string[]) => parseCsv(rows.join("\n"));

describe("unit import validation", () => {
  it("accepts good rows and maps the Chinese kind", () => {
    const check = validateUnitImport(lines(UNIT_HEAD, "N1,新村,村,王五,13800001111", "N2,新企业,企业,,"), ["OLD"]);
    expect(check.issues).toEqual([]);
    expect(check.rows).toEqual([
      { row: 2, code: "N1", name: "新村", kind: "village", responsiblePerson: "王五", phone: "13800001111" },
      { row: 3, code: "N2", name: "新企业", kind: "enterprise", responsiblePerson: null, phone: null },
    ]);
  });

  it("lists every row error with its row number", () => {
    const check = validateUnitImport(
      lines(UNIT_HEAD, "N1,甲,村,,", "n1,乙,村,,", "OLD,丙,社区,,", ",丁,学校,,", "N5,,乡,,123", "N6,己,企业,,023-7654321"),
      ["OLD"],
    );
    expect(check.rows.map((r) => r.code)).toEqual(["N1", "N6"]);
    expect(check.issues).toEqual([
      { row: 3, column: "单位编码", message: "单位编码 n1 与第 2 行重复" },
      { row: 4, column: "单位编码", message: "单位编码 OLD 已被本镇其他单位使用" },
      { row: 5, column: "单位编码", message: "单位编码：不能为空" },
      { row: 6, column: "单位名称", message: "单位名称：不能为空" },
      expect.objectContaining({ row: 6, column: "单位类型", message: expect.stringContaining("单位类型“乡”无效") }),
      expect.objectContaining({ row: 6, column: "联系电话", message: expect.stringContaining("电话格式不正确") }),
    ]);
  });

  it("reports missing and unknown columns, empty files and too many rows", () => {
    expect(validateUnitImport(lines(""), []).issues).toEqual([{ row: null, message: "文件为空，请使用下载的模板填写" }]);
    expect(validateUnitImport(lines(UNIT_HEAD), []).issues).toEqual([{ row: null, message: "文件中没有数据行" }]);
    expect(validateUnitImport(lines("单位编码,单位名称,备注", "A,B,C"), []).issues).toEqual([
      { row: null, message: "缺少列：单位类型、责任人、联系电话" },
      { row: null, message: "无法识别的列：备注" },
    ]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `C${i},村${i},村,,`);
    expect(validateUnitImport(lines(UNIT_HEAD, ...many), []).issues).toEqual([
      { row: null, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${MAX_IMPORT_ROWS + 1} 行` },
    ]);
  });
});

describe("user import validation", () => {
  const existing = { usernames: ["taken"], phones: ["13900000000"], unitCodes: ["CJC"] };

  it("accepts liaisons bound to an existing unit and other roles without one", () => {
    const check = validateUserImport(lines(USER_HEAD, "张三,zs,13800001111,联络员,cjc", "李四,ls,,镇领导,", "王五,ww,,管理员,"), existing);
    expect(check.issues).toEqual([]);
    expect(check.rows).toEqual([
      { row: 2, displayName: "张三", username: "zs", phone: "13800001111", role: "liaison", unitCode: "CJC" },
      { row: 3, displayName: "李四", username: "ls", phone: null, role: "leader", unitCode: null },
      { row: 4, displayName: "王五", username: "ww", phone: null, role: "admin", unitCode: null },
    ]);
  });

  it("lists duplicates, unknown units, bad phones, unknown roles and the liaison-unit rule by row", () => {
    const check = validateUserImport(
      lines(
        USER_HEAD,
        "甲,a1,13800001111,联络员,CJC",
        "乙,A1,13800001111,督查,",
        "丙,taken,13900000000,督查,",
        "丁,d1,12345,联络员,NOPE",
        "戊,e1,,联络员,",
        "己,f1,,镇领导,CJC",
        "庚,g1,,村长,",
      ),
      existing,
    );
    expect(check.rows.map((r) => r.username)).toEqual(["a1"]);
    expect(check.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "用户名"],
      [3, "手机号"],
      [4, "用户名"],
      [4, "手机号"],
      [5, "手机号"],
      [5, "所属单位编码"],
      [6, "所属单位编码"],
      [7, "所属单位编码"],
      [8, "角色"],
    ]);
    expect(check.issues[0]?.message).toBe("用户名 A1 与第 2 行重复");
    expect(check.issues[2]?.message).toBe("用户名 taken 已被使用");
    expect(check.issues[3]?.message).toBe("手机号 13900000000 已被其他用户使用");
    expect(check.issues[5]?.message).toBe("单位编码 NOPE 在本镇不存在或已归档");
    expect(check.issues[6]?.message).toBe("联络员必须填写所属单位编码");
    expect(check.issues[7]?.message).toBe("只有联络员可以填写所属单位编码");
  });
});
