import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/audit/csv";

describe("CSV export cells", () => {
  it("quotes separators, quotes and newlines (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1, new Date("2026-01-01T00:00:00Z")])).toBe("a,1,2026-01-01T00:00:00.000Z\r\n");
  });
});
