// The pages' URLs, in one place (the pages link them; the API gives them as html_url).

const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]): [string, string] => [k, String(v)])).toString();
  return s ? `?${s}` : "";
};

export const reportUrl = (id: string) => `/reports/${id}`;
export const versionUrl = (reportId: string, versionId: string) => `/reports/${reportId}/versions/${versionId}`;
export const versionDiffUrl = (reportId: string, from: string, to: string) => `/reports/${reportId}/diff${q({ from, to })}`;
export const agencyUrl = (id: string) => `/agencies/${id}`;
export const yearDiffUrl = (agencyId: string, from: number, to: number) => `/agencies/${agencyId}/diff${q({ from, to })}`;
export const originalUrl = (captureId: string) => `/captures/${captureId}/original`;
export const regionUrl = (path: string) => `/regions${q({ path })}`;
export const reportsUrl = (params: Record<string, string | number | undefined> = {}) => `/reports${q(params)}`;
export const valuesUrl = (params: Record<string, string | number | undefined> = {}) => `/values${q(params)}`;
export const searchUrl = (params: Record<string, string | number | undefined> = {}) => `/search${q(params)}`;
