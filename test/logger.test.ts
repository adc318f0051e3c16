import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../src/logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _e, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: "debug", destination }) };
}

describe("logger redaction", () => {
  it("censors tokens, keys and user texts wherever they appear", () => {
    const { lines, logger } = capture();
    logger.info({ BOT_TOKEN: "123:SECRET", DATA_KEY: "KEYSECRET", text: "my passport number 123" }, "top level");
    logger.info({ update: { message: { text: "I have a criminal record" } } }, "nested");
    logger.info({ msg2: { from: { first_name: "Ivan", username: "ivan_k" } } }, "names");
    const out = lines.join("");
    for (const secret of ["SECRET", "KEYSECRET", "passport number", "criminal record", "Ivan", "ivan_k"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[redacted]");
  });

  it("keeps errors useful but strips tokens and request payloads", () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error("Call to 'sendMessage' failed at /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage"), {
      payload: { chat_id: 1, text: "Your answers: no criminal record" },
      error_code: 400,
    });
    logger.error({ err }, "failed");
    const out = lines.join("");
    expect(out).toContain("sendMessage");
    expect(out).toContain('"error_code":400');
    expect(out).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(out).not.toContain("criminal");
  });

  it("scrubs bot tokens out of any string", () => {
    expect(scrubSecrets("GET /bot987654321:ABCdefGHIjklMNOpqrSTUvwxYZ012345/getMe")).toBe("GET /bot[token]/getMe");
  });
});
