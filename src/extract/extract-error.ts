/**
 * An input the extractors cannot read, with a message a user can act on:
 * what is wrong, and what to do. The CLI prints `message` alone, never a stack.
 */
export class ExtractError extends Error {
  override readonly name = "ExtractError";
  constructor(message: string) {
    super(message);
  }
}
