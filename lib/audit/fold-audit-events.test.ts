import { describe, expect, it } from "vitest";
import type { AuditEventView } from "./audit-events";
import { foldAuditEvents, foldAuditPage, serviceOfArn } from "./fold-audit-events";

const arn = "arn:aws:apprunner:us-east-1:000000000000:service/web/0123456789abcdef0123456789abcdef";
const ev = (id: string, createdAt: string, action: string, result: string, request?: object, target = arn): AuditEventView => ({
  id,
  createdAt,
  actor: "op@example.com",
  role: "operator",
  action,
  target,
  connection: null,
  region: "us-east-1",
  result,
  error: null,
  ip: null,
  userAgent: null,
  request: request ? JSON.stringify(request) : null,
});

describe("folding audit events", () => {
  it("shows an operation's request and its result as one row with both times", () => {
    const rows = foldAuditEvents([
      ev("4", "2026-01-01T10:00:09Z", "service.deploy", "succeeded", { operationId: "op2" }),
      ev("3", "2026-01-01T10:00:05Z", "service.pause", "succeeded", { operationId: "op1" }),
      ev("2", "2026-01-01T10:00:04Z", "service.deploy", "requested"),
      ev("1", "2026-01-01T10:00:01Z", "service.pause", "requested"),
    ]);
    expect(rows.map((r) => [r.id, r.requestedAt])).toEqual([
      ["4", "2026-01-01T10:00:04Z"],
      ["3", "2026-01-01T10:00:01Z"],
    ]);
  });

  it("leaves a request still running, and results of other targets, on their own", () => {
    const other = arn.replace("/web/", "/api/");
    const rows = foldAuditEvents([ev("3", "t3", "service.pause", "succeeded", undefined, other), ev("2", "t2", "service.deploy", "requested"), ev("1", "t1", "service.pause", "requested")]);
    expect(rows.map((r) => r.id)).toEqual(["3", "2", "1"]);
  });

  it("does not pair different operations that both name their id", () => {
    const rows = foldAuditEvents([ev("2", "t2", "service.create", "succeeded", { operationId: "b" }), ev("1", "t1", "service.create", "requested", { operationId: "a" })]);
    expect(rows).toHaveLength(2);
  });

  it("folds a pair split across a page boundary into one row, on the page of its result", () => {
    const result = ev("9", "2026-01-01T10:05:00Z", "service.deploy", "succeeded", { operationId: "op9" });
    const signIn = ev("8", "2026-01-01T10:04:00Z", "auth.sign_in", "succeeded", undefined, "op@example.com");
    const request = ev("7", "2026-01-01T10:03:00Z", "service.deploy", "requested", { operationId: "op9" });
    const older = ev("6", "2026-01-01T10:02:00Z", "service.pause", "succeeded");
    // Page 1 ends after the sign-in; page 2 starts with the request.
    const page1 = foldAuditPage([result, signIn], { newer: [], older: [request] });
    expect(page1.map((r) => [r.id, r.requestedAt])).toEqual([
      ["9", "2026-01-01T10:03:00Z"],
      ["8", undefined],
    ]);
    const page2 = foldAuditPage([request, older], { newer: [result], older: [] });
    expect(page2.map((r) => r.id)).toEqual(["6"]);
  });

  it("keeps a request on its page when the newer result beyond the edge belongs to a newer request", () => {
    const result = ev("9", "t9", "service.deploy", "succeeded");
    const newerRequest = ev("8", "t8", "service.deploy", "requested");
    const stillRunning = ev("7", "t7", "service.deploy", "requested");
    expect(foldAuditPage([stillRunning], { newer: [result, newerRequest], older: [] }).map((r) => [r.id, r.requestedAt])).toEqual([["7", undefined]]);
  });

  it("reads the service out of its ARN", () => {
    expect(serviceOfArn(arn)).toEqual({ region: "us-east-1", name: "web", id: "0123456789abcdef0123456789abcdef" });
    expect(serviceOfArn("someone@example.com")).toBeUndefined();
  });
});
