export const sqliteSchemaPath: string;
export const postgresDir: string;
export const postgresSchemaPath: string;
export function derivePostgresSchema(source: string): string;
export function providerOf(url: string | undefined): "sqlite" | "postgresql";
export function schemaPathFor(provider: "sqlite" | "postgresql"): string;
export function migrationsPathFor(provider: "sqlite" | "postgresql"): string;
export function writePostgresSchema(): boolean;
