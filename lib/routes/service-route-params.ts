// The [region]/[id] segments of /api/services/... as zod checks them before anything else.
import { z } from "zod";

export const serviceRouteParams = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "Not a region name"),
  // App Runner service IDs are 32 hex characters.
  id: z.string().regex(/^[0-9a-fA-F]{32}$/, "Not a service ID"),
});
