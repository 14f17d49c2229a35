// Times on the terminal: UTC, to the minute. JSON output keeps full ISO 8601.

export const formatTime = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")}Z` : "");

export const formatDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
