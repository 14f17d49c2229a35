import iconv from "iconv-lite";

// GB18030 decoding (also for GB2312 and GBK, its subsets): the platform decoder where Node has
// full ICU (several times faster), iconv-lite otherwise.

const native = ((): InstanceType<typeof TextDecoder> | undefined => {
  try {
    return new TextDecoder("gb18030");
  } catch {
    return undefined;
  }
})();

export function decodeGb18030(bytes: Uint8Array): string {
  return native ? native.decode(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
}
