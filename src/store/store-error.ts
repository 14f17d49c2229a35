/**
 * A problem with the archive the user can act on (server unreachable, wrong password, storage
 * folder unusable): ONE line saying what, where and what to do. The CLI prints it without a stack.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
