// Human words for every App Runner status the console shows (service, operation, custom
// domain, certificate record, auto scaling), plus a tone for the badge. One table, so the
// dashboard, the service page, Activity, domains and the catalog say the same thing; the raw
// API value stays available for a tooltip. Pure: safe in server and client components.
export type StatusTone = "neutral" | "green" | "red" | "amber" | "blue";

interface StatusText {
  label: string;
  tone: StatusTone;
}

const table: Record<string, StatusText> = {
  // ServiceStatus
  RUNNING: { label: "Running", tone: "green" },
  PAUSED: { label: "Paused", tone: "neutral" },
  OPERATION_IN_PROGRESS: { label: "Operation in progress", tone: "blue" },
  CREATE_FAILED: { label: "Create failed", tone: "red" },
  DELETE_FAILED: { label: "Delete failed", tone: "red" },
  DELETED: { label: "Deleted", tone: "neutral" },
  // OperationStatus
  PENDING: { label: "Pending", tone: "blue" },
  IN_PROGRESS: { label: "In progress", tone: "blue" },
  SUCCEEDED: { label: "Succeeded", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
  ROLLBACK_IN_PROGRESS: { label: "Rolling back", tone: "amber" },
  ROLLBACK_SUCCEEDED: { label: "Rolled back", tone: "amber" },
  ROLLBACK_FAILED: { label: "Rollback failed", tone: "red" },
  // CustomDomainAssociationStatus
  CREATING: { label: "Creating", tone: "blue" },
  ACTIVE: { label: "Active", tone: "green" },
  DELETING: { label: "Removing", tone: "blue" },
  PENDING_CERTIFICATE_DNS_VALIDATION: { label: "Waiting for DNS validation", tone: "amber" },
  BINDING_CERTIFICATE: { label: "Binding certificate", tone: "blue" },
  // CertificateValidationRecordStatus
  PENDING_VALIDATION: { label: "Waiting for DNS record", tone: "amber" },
  SUCCESS: { label: "Validated", tone: "green" },
  // AutoScalingConfigurationStatus
  INACTIVE: { label: "Inactive", tone: "neutral" },
};

/** What an operation type is called in a sentence ("Deployment in progress"). */
const operationNames: Record<string, string> = {
  START_DEPLOYMENT: "Deployment",
  CREATE_SERVICE: "Creation",
  UPDATE_SERVICE: "Configuration update",
  PAUSE_SERVICE: "Pause",
  RESUME_SERVICE: "Resume",
  DELETE_SERVICE: "Deletion",
};

/** Sentence case of an unknown enum value, so a status added to the API later still reads. */
function fallback(raw: string): string {
  const words = raw.toLowerCase().replace(/_/g, " ").trim();
  return words ? `${words[0]?.toUpperCase()}${words.slice(1)}` : "Unknown";
}

// App Runner answers some enums in lower case (custom domains: "pending_certificate_dns_validation")
// although its model lists them in upper case: look up either.
const entry = (raw: string): StatusText | undefined => table[raw.toUpperCase()];

export function statusLabel(raw: string): string {
  return entry(raw)?.label ?? fallback(raw);
}

export function statusTone(raw: string): StatusTone {
  return entry(raw)?.tone ?? "neutral";
}

export function operationName(type: string): string {
  return operationNames[type] ?? fallback(type);
}

/** The service badge's text: with an operation running, what that operation is. */
export function serviceStatusLabel(status: string, operationType?: string): string {
  return status === "OPERATION_IN_PROGRESS" && operationType ? `${operationName(operationType)} in progress` : statusLabel(status);
}

/** Statuses after which nothing more happens to an operation. */
export function isFinalOperationStatus(status: string): boolean {
  return status === "SUCCEEDED" || status === "FAILED" || status === "ROLLBACK_SUCCEEDED" || status === "ROLLBACK_FAILED";
}
