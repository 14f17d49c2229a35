import { normalizeName } from "./normalize-name.ts";

// The role of a body at its division: what its name says after the places (人民政府,
// 人民政府办公室, 发展和改革局, …), reduced to one key per role so that the spellings of one
// body meet: abbreviations (发改局 ↔ 发展和改革局) and variants (发展改革局) become the full
// name. docs/agencies.md lists this table; a role not in it is its own key.

/** Full name ← the other ways documents write it (whole role only, after the place names). */
const ROLES: Record<string, string[]> = {
  人民政府办公室: ["政府办公室", "人民政府办", "政府办", "府办"],
  发展和改革局: ["发改局", "发展改革局"],
  发展和改革委员会: ["发改委", "发展改革委", "发展改革委员会", "发展和改革委"],
  人力资源和社会保障局: ["人社局", "人力资源社会保障局", "人力社保局"],
  住房和城乡建设局: ["住建局", "住房城乡建设局"],
  市场监督管理局: ["市监局", "市场监管局"],
  卫生健康委员会: ["卫健委", "卫生健康委", "卫生和健康委员会"],
  卫生健康局: ["卫健局", "卫生和健康局"],
  医疗保障局: ["医保局"],
  文化和旅游局: ["文旅局", "文化旅游局"],
  文化广电和旅游局: ["文广旅局", "文化广电旅游局", "文广旅游局"],
  文化广电体育和旅游局: ["文广体旅局", "文化广电体育旅游局"],
  应急管理局: ["应急局"],
  交通运输局: ["交通局", "交运局"],
  政务服务数据管理局: ["政数局", "政务服务和数据管理局"],
  农业农村局: ["农业和农村局"],
  自然资源局: [],
  自然资源和规划局: ["自规局", "自然资源规划局"],
  生态环境局: [],
  教育和体育局: ["教体局", "教育体育局"],
  科学技术局: ["科技局"],
  工业和信息化局: ["工信局", "工业信息化局"],
  退役军人事务局: ["退役军人局", "退役军人事务管理局"],
  城市管理局: ["城管局"],
  行政审批服务局: ["行政审批局"],
  粮食和物资储备局: ["粮食和储备局", "粮储局"],
  国有资产监督管理委员会: ["国资委"],
  机关事务管理局: ["机关事务局"],
  人民防空办公室: ["人防办"],
  民族宗教事务局: ["民宗局"],
  外事办公室: ["外办"],
  投资促进局: ["投促局"],
  住房公积金管理中心: ["公积金中心"],
  残疾人联合会: ["残联"],
};

/** Roles that are the division's own government (a 街道's is its 办事处): key 政府. */
const GOVERNMENT = new Set(["", "人民政府", "政府", "办事处", "街道办事处", "人民政府办事处", "公所", "区公所"]);
export const GOVERNMENT_ROLE = "政府";
/** A development zone's 管委会 is its government when the division is the zone itself. */
const ZONE = /(开发区|园区|新区|示范区|管理区|试验区|合作区)$/;

// Looked up in the normalized form names are parsed in (国有资产监督管委会).
const CANONICAL = new Map<string, string>();
for (const [full, others] of Object.entries(ROLES)) {
  for (const o of [full, ...others]) CANONICAL.set(normalizeName(o), normalizeName(full));
}
/** The abbreviation table, for docs and tests. */
export const ROLE_TABLE: Readonly<Record<string, readonly string[]>> = ROLES;

/** One key per role: 政府 for the government itself, the full name for a known department. */
export function roleKey(role: string, divisionName?: string): string {
  if (GOVERNMENT.has(role)) return GOVERNMENT_ROLE;
  if (role === "管委会" && divisionName && ZONE.test(divisionName)) return GOVERNMENT_ROLE;
  return CANONICAL.get(role) ?? role;
}

const KNOWN_SUFFIXES = [...GOVERNMENT, ...CANONICAL.keys(), "管委会"].filter((r) => r.length >= 2).sort((a, b) => b.length - a.length);
const PLACE_END = /(省|市|县|区|旗|盟|州|镇|乡|街道|苏木|村|社区)$/;
const SELF = /^(本|省|市|县|区|旗|镇|乡)$/;

/**
 * The role part of what follows the recognised places: a known role at its end may be preceded
 * by more place names the divisions do not know (指定镇 + 人民政府), returned as `places`; a lone
 * 县/市/本 before a role (县发改局) means the division itself and is dropped.
 */
export function splitRole(rest: string): { places: string; role: string } {
  if (GOVERNMENT.has(rest) || CANONICAL.has(rest)) return { places: "", role: rest };
  for (const suffix of KNOWN_SUFFIXES) {
    if (!rest.endsWith(suffix) || rest.length === suffix.length) continue;
    const before = rest.slice(0, -suffix.length);
    if (SELF.test(before)) return { places: "", role: suffix };
    if (PLACE_END.test(before)) return { places: before, role: suffix };
  }
  return { places: "", role: rest };
}
