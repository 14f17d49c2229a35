// Types for the word-extractor package (CommonJS, untyped), as far as nianbao uses it.
declare module "word-extractor" {
  interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
  export = WordExtractor;
}
