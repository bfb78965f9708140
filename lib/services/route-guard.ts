// Shared by the polling route handlers: a signed-in user with "read", JSON errors in AWS words.
import "server-only";
import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { describeAwsError } from "./aws-error";

export async function readerOrResponse(): Promise<SessionUser | NextResponse> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ message: "Sign in first." }, { status: 401 });
  if (!can(user.role, "read")) return NextResponse.json({ message: "Not allowed." }, { status: 403 });
  return user;
}

export function awsErrorResponse(err: unknown): NextResponse {
  const e = describeAwsError(err);
  return NextResponse.json({ message: e.message, code: e.code }, { status: e.code === "ResourceNotFoundException" ? 404 : 502 });
}
