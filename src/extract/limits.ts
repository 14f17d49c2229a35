// Bounds on what one document may cost. Documented in README (Limits).

/** Largest input accepted, in bytes. Annual reports are rarely above 20 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Largest total of uncompressed bytes read out of a DOCX (zip) container. */
export const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
/** Largest uncompressed/compressed ratio accepted for one zip entry (zip-bomb guard). */
export const MAX_ZIP_RATIO = 200;
/** Most PDF pages read from one document. */
export const MAX_PDF_PAGES = 500;
/** Wall-clock budget for one PDF, in milliseconds. */
export const PDF_TIME_BUDGET_MS = 120_000;
