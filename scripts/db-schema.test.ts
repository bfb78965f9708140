// One source schema, two databases: the committed PostgreSQL schema must be the one derived
// from the source, or its migrations and client are out of date.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, migrationsPathFor, postgresSchemaPath, providerOf, sqliteSchemaPath } from "./db-schema.mjs";

describe("derived PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma (else run npm run db:new-migration -- <name>)", () => {
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8")));
  });

  it("changes only the provider and the client's output folder", () => {
    const source = 'generator client {\n  provider = "prisma-client"\n  output   = "../lib/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id\n}\n';
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../lib/generated/prisma-pg"');
    expect(derived).toContain('provider = "prisma-client"');
    expect(derived.endsWith("model A {\n  id String @id\n}\n")).toBe(true);
    expect(() => derivePostgresSchema(source.replace('"sqlite"', '"mysql"'))).toThrow(/datasource provider/);
  });

  it("picks the engine and migrations from DATABASE_URL", () => {
    expect(providerOf("postgresql://runway@db/runway")).toBe("postgresql");
    expect(providerOf("postgres://runway@db/runway")).toBe("postgresql");
    expect(providerOf("file:./data/runway.db")).toBe("sqlite");
    expect(migrationsPathFor("postgresql")).toMatch(/prisma\/postgresql\/migrations$/);
    expect(migrationsPathFor("sqlite")).toMatch(/prisma\/migrations$/);
  });
});
