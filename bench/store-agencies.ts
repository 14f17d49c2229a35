// Synthetic agencies for the store benchmark: names like the real ones (青山镇人民政府,
// 东湖街道办事处), each in a region (山西省/吕梁市/孝义市) with a 12-digit 行政区划代码, all distinct.

export interface BenchAgency {
  name: string;
  region: string;
  regionCode: string;
}

const FIRST = "青东西南北大小新石金白龙马高长永安平清河山云柳桃杨黄红古凤双兴太".split("");
const SECOND = "山湖桥岭峰坪坝口塘沟庄店集寨铺湾川溪阳岗洲林园".split("");
const KINDS = ["镇人民政府", "乡人民政府", "街道办事处"];

// Province / city / county triples with the first six digits of their codes.
const COUNTIES: [string, string][] = [
  ["山西省/吕梁市/孝义市", "141181"],
  ["江苏省/淮安市/淮安区", "320803"],
  ["浙江省/湖州市/安吉县", "330523"],
  ["四川省/成都市/郫都区", "510117"],
  ["湖南省/长沙市/浏阳市", "430181"],
  ["广东省/梅州市/兴宁市", "441481"],
  ["河南省/洛阳市/伊川县", "410329"],
  ["山东省/潍坊市/寿光市", "370783"],
  ["贵州省/遵义市/湄潭县", "520328"],
  ["甘肃省/天水市/秦安县", "620522"],
];

/** `count` agencies with distinct names (up to FIRST × SECOND × KINDS = 2,208), deterministic. */
export function benchAgencies(count: number): BenchAgency[] {
  const capacity = FIRST.length * SECOND.length * KINDS.length;
  if (count > capacity) throw new Error(`benchAgencies: at most ${capacity} distinct names, asked for ${count}`);
  const out: BenchAgency[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length];
    const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length];
    const kind = KINDS[Math.floor(i / (FIRST.length * SECOND.length)) % KINDS.length];
    const [region, county] = COUNTIES[i % COUNTIES.length];
    const township = String(100 + Math.floor(i / COUNTIES.length)).padStart(3, "0");
    out.push({ name: `${first}${second}${kind}`, region, regionCode: `${county}${township}000` });
  }
  return out;
}
