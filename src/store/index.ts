// The archive's public API (src/store): open it, write to it, and the pieces the read commands share.
export { openStore, connectDatabase, storageDir, checkServer, connectionProblem, MIN_SERVER_VERSION, type Store, type OpenStoreOptions } from "./open-store.ts";
export { startEmbeddedServer, ensureDatabase, ARCHIVE_DATABASE, type EmbeddedServer, type EmbeddedServerOptions } from "./embedded-server.ts";
export { migrate, MIGRATIONS_DIR } from "./migrate.ts";
export { StoreError } from "./store-error.ts";
export { archiveDocument, ingestDocument, type IngestDocumentInput, type IngestResult, type IngestOptions } from "./ingest-document.ts";
export { markRemoved } from "./mark-removed.ts";
export { ensureDivisions, type DivisionsStatus } from "./divisions/load-divisions.ts";
export { identifyAgency, type AgencyIdentity, type IdentifyInput } from "./identity/identify-agency.ts";
export { listAgencies, type AgencySummary, type AgencyFilter } from "./agencies/list-agencies.ts";
export { mergeAgencies, type MergeResult, type ChangeOptions } from "./agencies/merge-agencies.ts";
export { splitMerge, type SplitResult } from "./agencies/split-merge.ts";
export { listChanges, type AgencyChange } from "./agencies/agency-changes.ts";
export { reextract, type ReextractSummary, type ReextractProgress } from "./reextract.ts";
export { searchTerms } from "./search-terms.ts";
export { splitCellKey, type CellKeyParts } from "./cell-key.ts";
export { contentHash } from "./content-hash.ts";
export { putBlob, getBlob, sha256Hex } from "./blobs.ts";
export type { Database } from "./database.ts";
