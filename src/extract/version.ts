/** Version of the extractors; stored with every extracted record so re-extraction can tell them apart. */
export const EXTRACTOR_VERSION = "nianbao-extract/0.2.0";
