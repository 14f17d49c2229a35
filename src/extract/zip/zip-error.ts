// Why a zip container could not be read. The format extractor (DOCX) turns it into an
// ExtractError naming the file; the zip reader itself knows no file names.

export type ZipErrorKind = "corrupt" | "too-large" | "unsupported";

export class ZipError extends Error {
  override readonly name = "ZipError";
  readonly kind: ZipErrorKind;
  constructor(kind: ZipErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
