// URL shapes the CMS families give their pages. A detail shape says "this is one document's
// page" whatever its link text; a column shape says "this is a list"; a document shape says
// "this is a file". Shapes are per family, never per site.

/** [family, shape, tested against the whole URL (query shapes) rather than the path only] */
const DETAIL_SHAPES: Array<[family: string, shape: RegExp, whole?: true]> = [
  ["trs", /\/\d{6}\/t\d{8}_\d+(?:_\d+)?\.s?html?$/i], // …/202401/t20240130_123456.html
  ["hanweb", /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html$/i], // /art/2024/1/30/art_123_456.html
  ["hanweb", /\/art\/\d{4}\/art_[0-9a-f]{32}\.html$/i], // newer JPaaS sites: /art/2024/art_{32 hex}.html
  ["gkmlpt", /\/(?:gkmlpt\/)?content\/(?:\d+\/)*m?post_\d+\.html$/i], // /gkmlpt/content/2/2345/post_2345678.html
  ["ucap", /\/\d{6}\/[0-9a-f]{32}\.shtml$/i], // /{dept}/gknb/202401/{32 hex}.shtml
  ["aspnet", /\/Item\/\d+\.aspx$/i], // /Item/24071.aspx
  ["epoint", /\/(?:i?Detail|infodetail)(?:\.jsp|\/)\?.*\b(?:infoid|id)=/i, true],
  ["generic", /\/content_\d+(?:\.s?html?)?$/i], // …/content_123
  ["generic", /\/\d{15,20}\.s?html?$/], // /zfxxgknb/xz/2021/{19 digits}.html
  ["generic", /\/(?:info|news|article|art|detail|show)[_/]?\d{3,}\.s?html?$/i],
  ["generic", /[?&](?:doAction=(?:view|detail|showDetail)\w*|articleId=\d+|newsId=\d+|infoId=\w+)/i, true],
];

/** The family whose detail shape a URL has, or undefined. */
export function detailShape(url: string): string | undefined {
  const path = url.replace(/[?#].*$/, "");
  for (const [family, shape, whole] of DETAIL_SHAPES) if (shape.test(whole ? url : path)) return family;
  return undefined;
}

/** Document files by extension; xls/xlsx/et only count when the link names a report (the caller checks). */
const DOC_EXT = /\.(pdf|docx?|wps|rtf|ofd|xlsx?|et)$/i;
const DOWNLOAD_ENDPOINT = /\/(?:downfile|download|downloadfile|filedownload|getfile|attachment|fileview)\.(?:jsp|do|aspx?|php)\b|\/DownLoad\.aspx\?|\/(?:fileDownload|downloadFile|download)(?:\/|\?)|\/module\/download\/|\/attach\/(?:\d+\/)*[\w-]+(?:\?|$)/i;

type DocumentHint = { ext?: string; endpoint: boolean };

/** Whether a URL points at a document file, and its extension if the URL states one. */
export function documentShape(url: string): DocumentHint | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = decodeSafe(u.pathname);
  const ext = DOC_EXT.exec(path)?.[1]?.toLowerCase();
  if (ext) return { ext, endpoint: false };
  // A file named in the query: downfile.jsp?filename=….pdf, viewer.html?file=….pdf
  for (const [, v] of u.searchParams) {
    const e = DOC_EXT.exec(v.replace(/[?#].*$/, ""))?.[1]?.toLowerCase();
    if (e && DOWNLOAD_ENDPOINT.test(u.pathname + u.search)) return { ext: e, endpoint: true };
  }
  if (DOWNLOAD_ENDPOINT.test(u.pathname + u.search)) return { endpoint: true };
  return undefined;
}

/** The extension a file name states (`年报.pdf` → pdf). */
export function nameExtension(name: string | undefined): string | undefined {
  return name ? DOC_EXT.exec(name.trim())?.[1]?.toLowerCase() : undefined;
}

/** Column (list) shapes: a directory, an index page, a Hanweb column, an ASP.NET category, a list script. */
export function columnShape(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const p = u.pathname;
  return (
    p.endsWith("/") ||
    /\/(?:index|default|list)(?:_\d+)?\.(?:s?html?|jsp|aspx?|php)$/i.test(p) ||
    /\/col\/col\d+\/(?:index\.html)?$/i.test(p) ||
    /\/Category_\d+\/(?:Index(?:_\d+)?\.aspx)?$/i.test(p) ||
    /\/(?:iList|list|more|column)\.(?:jsp|do|aspx?|php)$/i.test(p) ||
    /\/spage\.xp$/i.test(p) ||
    /\/gkmlpt\/(?:index|policy)$/i.test(p) ||
    !/\.[a-z0-9]{2,5}$/i.test(p.split("/").pop() ?? "")
  );
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
