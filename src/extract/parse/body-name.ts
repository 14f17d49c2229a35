// Names of issuing bodies: what counts as one, the one safe way to complete a place's name
// (a government's place → its 人民政府, a 街道 → its 办事处), and whether two names stated by
// one document are the same body. Nothing here invents a name the document does not support.

/** Endings that make a string the name of a body (an office, a bureau, a committee …). */
export const ORG_SUFFIX = /(人民政府办公室|人民政府办公厅|人民政府|(?<=[省市县区旗州盟镇乡])政府|办事处|办公室|办公厅|委员会|管委会|联合会|协会|工会|会|局|厅|委|署|院|中心|公司|所|站|台|大队|支队|队|部|社|馆|行|办|处|林场|农场|牧场|渔场|茶场|学校|大学|党校|监狱|兵团|师)$/;
/** The endings common words never have: enough on their own to read a line as a body's name (a signature). */
export const STRONG_ORG_SUFFIX = /(人民政府办公室|人民政府办公厅|人民政府|(?<=[省市县区旗州盟镇乡])政府|办事处|办公室|办公厅|委员会|管委会|局|厅|委|署|院|中心|公司|所|站|大队|支队)$/;
/** Endings of the administrative divisions whose body is a 人民政府. */
const DIVISION = /(省|市|县|区|旗|州|盟|镇|乡|苏木)$/;
/**
 * Names that end like a division but are not governments: development zones, parks, new areas,
 * scenic areas, communities, state farms … Their body is a 管委会 or similar, never a 人民政府.
 * 矿区, 林区, 特区 and 新区 are sometimes governments, sometimes not: their names are kept as stated.
 */
const NOT_GOVERNMENT = /(开发区|高新区|经开区|新区|实验区|试验区|示范区|保税区|合作区|园区|工业区|产业区|集中区|集聚区|功能区|经济区|管理区|度假区|旅游区|风景区|景区|保护区|港区|片区|社区|矿区|林区|特区|垦区|商务区|小镇)$/;
/** Words that mark a 区 as a zone rather than a district (青峰经济开发区, 临空产业园区 …). */
const ZONE_WORDS = /经济|技术|产业|工业|高新|旅游|度假|生态|物流|保税|自贸|贸易|合作|示范|试验|实验|开发|管理|园|港|科技|农业|商务|金融|综合/;
/** Suffixes a stated name may add to a zone's name and still be the body the title names. */
const ZONE_BODY = /^(?:党工委)?(?:管理委员会|管委会|管理局|管理处|办事处|人民政府)$/;
/** Words that show a string is not a name (a report title, a pronoun, a relative reference). */
const NOT_A_NAME = /信息公开|政务公开|年度报告|年报|报告|工作年度|公开工作|情况|解读|图解|读懂|网站|门户|[，。：:；;、,《》“”"\d]/;
/** Relative references (本机关, 全县, 县政府办, 市教育局) — not names; real places may start with 本, 全, 镇 … (本溪市, 全椒县, 镇江市). */
const RELATIVE = new RegExp(
  "^(?:(?:本|我|该)(?:机关|单位|部门|局|委|办|中心|院|镇|乡|县|区|市|街道|站|网|报)|(?:全|各)(?:省|市|县|区|镇|乡|旗)|关于" +
  "|(?:省|市|县|区|镇|乡|旗|州|盟)(?:人民政府|政府|委|直|教育|财政|公安|民政|卫|人社|人力|自然资源|生态|住建|住房|交通|水利|农业|商务|文旅|文化" +
  "|应急|审计|统计|市场|医保|林业|税务|司法|发改|发展|工信|科技|退役|信访|政务|党|纪|监|档案|机关|残联|总工会|团|妇联))",
);

/**
 * Whitespace dropped and full-width digits folded: how names and titles are compared and reported.
 * Other characters stay as the document writes them (中国（上海）自由贸易试验区 keeps its brackets).
 */
export const squashName = (s: string) =>
  s.replace(/[\s\u3000]+/g, "").replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** True for a string that can be a body's name (or a place's): short, no sentence, no digits, not "本机关". */
export function looksLikeName(name: string): boolean {
  const n = squashName(name);
  return n.length >= 2 && n.length <= 40 && !NOT_A_NAME.test(n) && !RELATIVE.test(n) && /^[\u4e00-\u9fff（）()]+$/.test(n);
}

/** A government's place: a division name that is not a zone, a park, a farm or a community. */
export function isGovernmentPlace(name: string): boolean {
  if (!DIVISION.test(name) || NOT_GOVERNMENT.test(name) || ORG_SUFFIX.test(name)) return false;
  return !(name.endsWith("区") && ZONE_WORDS.test(name));
}

/**
 * The body a name stated in a title stands for: a body's name as it is; a 街道 → its 办事处; a
 * government's place → its 人民政府 (the one safe completion); anything else (a zone, a farm) kept
 * as the report uses it.
 */
export function bodyName(name: string): string {
  if (ORG_SUFFIX.test(name)) return name;
  if (name.endsWith("街道")) return `${name}办事处`;
  if (isGovernmentPlace(name)) return `${name}人民政府`;
  return name;
}

/** True for a name that is a body's or a place's, not a phrase that only happens to be short. */
export function isBodyOrPlace(name: string): boolean {
  return looksLikeName(name) && (ORG_SUFFIX.test(name) || DIVISION.test(name) || NOT_GOVERNMENT.test(name) || name.endsWith("街道"));
}

/** A prefix that only names where a body is: empty, or ending in a division (海原县, 宁夏回族自治区海原县). */
const placePrefix = (p: string) => p === "" || (p.length <= 20 && /(省|市|县|区|旗|州|盟|自治区)$/.test(p));

/**
 * True when `stated` names the body a title calls `bare` (a place or zone without a body's ending):
 * `[place]` + `bare` + the ending such a place's body has (海原县 + 西安镇 + 人民政府; 青峰经济开发区 +
 * 管理委员会). A government's place admits only 人民政府 (or its short form 政府), a 街道 only 办事处.
 */
export function completes(stated: string, bare: string): boolean {
  const at = stated.indexOf(bare);
  if (at < 0 || !placePrefix(stated.slice(0, at))) return false;
  const suffix = stated.slice(at + bare.length);
  if (bare.endsWith("街道")) return suffix === "办事处";
  if (isGovernmentPlace(bare)) return suffix === "人民政府" || suffix === "政府";
  return ZONE_BODY.test(suffix);
}

/** True for a zone's or park's name (not a government's place, not a body): its 管委会 may be named in the text. */
export function isZoneName(name: string): boolean {
  return !ORG_SUFFIX.test(name) && !isGovernmentPlace(name) && !name.endsWith("街道") && (NOT_GOVERNMENT.test(name) || (name.endsWith("区") && ZONE_WORDS.test(name)));
}

/** Splits a name into its place or zone core and the body ending (办事处 stays with its 街道). */
function core(name: string): { core: string; ending: string } {
  const m = name.match(/^(.+?)((?:党工委)?(?:管理委员会|管委会)|人民政府|办事处)$/);
  if (!m) return { core: name, ending: "" };
  const ending = m[2].replace("管理委员会", "管委会").replace(/^党工委/, "");
  return { core: m[1], ending };
}

/**
 * True when two names a document states are names of one body: equal, or one is the other with
 * a place in front (西安镇人民政府 / 海原县西安镇人民政府), or a zone and its 管委会 (青峰经济开发区 /
 * 青峰经济开发区管理委员会). A government and its office (…人民政府 / …人民政府办公室) are two bodies.
 */
export function sameBody(a: string, b: string): boolean {
  if (a === b) return true;
  const x = core(a);
  const y = core(b);
  const [long, short] = x.core.length >= y.core.length ? [x, y] : [y, x];
  if (!long.core.endsWith(short.core) || !placePrefix(long.core.slice(0, long.core.length - short.core.length))) return false;
  if (long.ending === short.ending) return true;
  // A bare zone (or place) name and the body ending such a name admits.
  const bare = long.ending === "" ? long : short.ending === "" ? short : null;
  const other = bare === long ? short : long;
  return bare !== null && completes(`${bare.core}${other.ending}`, bare.core);
}
