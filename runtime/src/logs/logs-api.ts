import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiHandler } from "../contracts.js";
import { parseBoundedJson } from "../protocol/json-depth.js";
import { describeLogGroups, describeLogStreams, filterLogEvents, getLogEvents, LogQueryError } from "./log-queries.js";
import type { LogStore } from "./log-store.js";

const TARGET_PREFIX = "Logs_20140328.";

export interface LogsApiOptions {
  region?: string;
  accountId?: string;
}

type Input = Record<string, unknown>;

/** CloudWatch Logs (AWS JSON 1.1) over the runtime's LogStore: the read operations the console and CLIs use. */
export function createLogsApi(store: LogStore, opts: LogsApiOptions = {}): ApiHandler {
  const region = opts.region ?? process.env.AWS_REGION ?? "us-east-1";
  const account = opts.accountId ?? "000000000000";
  const groupArn = (name: string) => `arn:aws:logs:${region}:${account}:log-group:${name}`;

  const operations: Record<string, (input: Input) => unknown> = {
    DescribeLogGroups(input) {
      const prefix = optString(input, "logGroupNamePrefix", 1, 512);
      const pattern = optString(input, "logGroupNamePattern", 0, 512);
      if (prefix && pattern) throw invalid("logGroupNamePrefix and logGroupNamePattern cannot both be specified.");
      const page = describeLogGroups(store, { prefix, pattern, limit: optInt(input, "limit", 1, 50), nextToken: optString(input, "nextToken", 1) });
      return {
        logGroups: page.logGroups.map((g) => ({ ...g, arn: `${groupArn(g.logGroupName)}:*`, logGroupArn: groupArn(g.logGroupName), logGroupClass: "STANDARD" })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },
    DescribeLogStreams(input) {
      const group = groupName(input);
      const orderBy = optString(input, "orderBy");
      if (orderBy !== undefined && orderBy !== "LogStreamName" && orderBy !== "LastEventTime") throw invalid("orderBy must be LogStreamName or LastEventTime.");
      const page = describeLogStreams(store, {
        group,
        prefix: optString(input, "logStreamNamePrefix", 1, 512),
        orderBy,
        descending: optBool(input, "descending"),
        limit: optInt(input, "limit", 1, 50),
        nextToken: optString(input, "nextToken", 1),
      });
      return {
        logStreams: page.logStreams.map((s) => ({ ...s, arn: `arn:aws:logs:${region}:${account}:log-group:${group}:log-stream:${s.logStreamName}` })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },
    GetLogEvents(input) {
      return getLogEvents(store, {
        group: groupName(input),
        stream: reqString(input, "logStreamName"),
        startTime: optInt(input, "startTime", 0),
        endTime: optInt(input, "endTime", 0),
        startFromHead: optBool(input, "startFromHead"),
        limit: optInt(input, "limit", 1, 10000),
        nextToken: optString(input, "nextToken", 1),
      });
    },
    FilterLogEvents(input) {
      const names = input.logStreamNames;
      if (names !== undefined && (!Array.isArray(names) || names.length < 1 || names.length > 100 || names.some((n) => typeof n !== "string"))) {
        throw invalid("logStreamNames must be a list of 1 to 100 stream names.");
      }
      const result = filterLogEvents(store, {
        group: groupName(input),
        streamNames: names as string[] | undefined,
        streamPrefix: optString(input, "logStreamNamePrefix", 1, 512),
        startTime: optInt(input, "startTime", 0),
        endTime: optInt(input, "endTime", 0),
        pattern: optString(input, "filterPattern", 0, 1024),
        limit: optInt(input, "limit", 1, 10000),
        nextToken: optString(input, "nextToken", 1),
      });
      return { ...result, searchedLogStreams: [] };
    },
  };

  return {
    signingName: "logs",
    maxBodyBytes: 2 * 1024 * 1024,
    canHandle(req: IncomingMessage): boolean {
      const target = req.headers["x-amz-target"];
      return typeof target === "string" && target.startsWith(TARGET_PREFIX);
    },
    async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
      const op = String(req.headers["x-amz-target"]).slice(TARGET_PREFIX.length);
      try {
        const fn = operations[op];
        if (!fn) throw new ApiError("UnknownOperationException", `The local runtime does not implement CloudWatch Logs operation ${op}.`);
        let input: unknown;
        try {
          input = body.length ? parseBoundedJson(body.toString("utf8")) : {};
        } catch {
          throw new ApiError("SerializationException", "The request body is not valid JSON.");
        }
        if (!input || typeof input !== "object" || Array.isArray(input)) throw new ApiError("SerializationException", "The request body must be a JSON object.");
        send(res, 200, fn(input as Input));
      } catch (err) {
        if (err instanceof ApiError || err instanceof LogQueryError) send(res, 400, { __type: err.code, message: err.message });
        else send(res, 500, { __type: "ServiceUnavailableException", message: `Internal error: ${(err as Error).message}` });
      }
    },
  };
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": randomUUID(),
    ...(status >= 400 ? { "x-amzn-errortype": (payload as { __type: string }).__type } : {}),
  });
  res.end(body);
}

const invalid = (message: string) => new ApiError("InvalidParameterException", message);

/** Accepts logGroupName or logGroupIdentifier (a name or an ARN), as the real API does. */
function groupName(input: Input): string {
  const name = optString(input, "logGroupName", 1, 512);
  const ident = optString(input, "logGroupIdentifier", 1, 2048);
  if (name && ident) throw invalid("logGroupName and logGroupIdentifier cannot both be specified.");
  const value = name ?? ident?.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, "").replace(/:\*$/, "");
  if (!value) throw invalid("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
  if (!/^[.\-_/#A-Za-z0-9]+$/.test(value)) throw invalid(`Value '${value}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
  return value;
}

function reqString(input: Input, key: string): string {
  const v = optString(input, key, 1, 512);
  if (v === undefined) throw invalid(`1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  return v;
}

function optString(input: Input, key: string, min = 0, max = Infinity): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw invalid(`Value at '${key}' must be a string.`);
  if (v.length < min || v.length > max) throw invalid(`Value at '${key}' failed to satisfy constraint: Member must have length between ${min} and ${max}`);
  return v;
}

function optInt(input: Input, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalid(`Value at '${key}' must be an integer.`);
  if (v < min || v > max) throw invalid(`Value '${v}' at '${key}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  return v;
}

function optBool(input: Input, key: string): boolean | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalid(`Value at '${key}' must be a boolean.`);
  return v;
}
