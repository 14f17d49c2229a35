// Numbers as the report tables print them: no thousands separators (the forms have none),
// decimals kept; deltas signed.

export const formatValue = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export const formatDelta = (n: number | null) => (n === null ? "" : n > 0 ? `+${n}` : String(n));
