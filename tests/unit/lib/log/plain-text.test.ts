import { describe, expect, test } from "vitest";
import { createPlainTextStream, toPlainText } from "@/lib/log/plain-text";

describe("toPlainText", () => {
  test("removes every escape sequence and keeps the text", () => {
    const raw =
      "\x1b_bk;t=1763630043512\x07\x1b[1;32m--- :rocket: Deploy\x1b[0m\r\n" +
      "\x1b_bk;t=1763630043600;x=y\x1b\\see \x1b]8;;https://a.test\x07docs\x1b]8;;\x07\x1b(B\x1b[?25l\n" +
      "\x1b]1339;url=https://b.test;content=link\x07 \x1b]1338;url=artifact://i.png;alt=chart\x07\x1b]1337;File=x\x07\n";
    expect(toPlainText(raw)).toBe("--- :rocket: Deploy\nsee docs\nlink chart");
  });

  test("applies \\r overwrites, backspaces and cursor movement", () => {
    expect(toPlainText("10%\r50%\r100%\nab\bc\n1\n2\n\x1b[2A\x1b[2K\rone\n")).toBe("100%\nac\none\n2");
  });

  test("rows are joined by \\n with no trailing newline", () => {
    expect(toPlainText("a\r\nb\r\r\n")).toBe("a\nb");
    expect(toPlainText("")).toBe("");
  });

  test("streamed in pieces it gives the same text", () => {
    const raw = `${"x\x1b[31my\x1b[0m\r\n".repeat(700)}tail`;
    const stream = createPlainTextStream();
    let out = "";
    for (let i = 0; i < raw.length; i += 7) out += stream.push(raw.slice(i, i + 7));
    out += stream.end();
    expect(out).toBe(toPlainText(raw));
  });
});
