/** One part of a multipart/form-data body. */
export interface Part {
  name: string;
  filename?: string;
  content: Buffer;
}

/**
 * Reads a multipart/form-data body as grammY writes it. Lenient like Telegram's server (undici's
 * parser rejects grammY's unquoted filenames and unspaced headers): used only by the emulator.
 */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length, next);
    start = next;
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = chunk.subarray(0, headerEnd).toString("utf8");
    const disposition = /content-disposition:\s*form-data;\s*(.*)/i.exec(headers)?.[1] ?? "";
    const name = /(?:^|;)\s*name="?([^";\r\n]+)"?/i.exec(disposition)?.[1];
    if (!name) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(disposition)?.[1];
    let content = chunk.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === "\r\n") content = content.subarray(0, -2);
    parts.push({ name, ...(filename ? { filename } : {}), content });
  }
  return parts;
}
